<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminPage</name>
    <message numerus="yes">
        <source>%n person(s) with no change and no support in the last %1 years.</source>
        <translation>
            <numerusform>%n person with no change and no support in the last %1 years.</numerusform>
            <numerusform>%n people with no change and no support in the last %1 years.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Names, documents, contact and notes of %n person(s) will be removed for good. Reason:</source>
        <translation>
            <numerusform>Names, documents, contact and notes of %n person will be removed for good. Reason:</numerusform>
            <numerusform>Names, documents, contact and notes of %n people will be removed for good. Reason:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificatePreview</name>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n certificate</numerusform>
            <numerusform>%n certificates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificatesDialog</name>
    <message numerus="yes">
        <source>%n new certificate(s) issued.</source>
        <translation>
            <numerusform>%n new certificate issued.</numerusform>
            <numerusform>%n new certificates issued.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <source>%n sheet(s). The header row is looked for among the first rows.</source>
        <translation>
            <numerusform>%n sheet. The header row is looked for among the first rows.</numerusform>
            <numerusform>%n sheets. The header row is looked for among the first rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Last backup: %n day(s) ago</source>
        <translation>
            <numerusform>Last backup: %n day ago</numerusform>
            <numerusform>Last backup: %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dependent(s)</source>
        <translation>
            <numerusform>%n dependent</numerusform>
            <numerusform>%n dependents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptPreview</name>
    <message numerus="yes">
        <source>%n receipt(s)</source>
        <translation>
            <numerusform>%n receipt</numerusform>
            <numerusform>%n receipts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptSearchDialog</name>
    <message numerus="yes">
        <source>%n receipt(s)</source>
        <translation>
            <numerusform>%n receipt</numerusform>
            <numerusform>%n receipts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest %n receipts: narrow the search to see others</source>
        <translation>
            <numerusform>The newest receipt: narrow the search to see others</numerusform>
            <numerusform>The newest %n receipts: narrow the search to see others</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message numerus="yes">
        <source>%n support(s) delivered in the month still lack required documents in their evidence file; the summary counts them. Close anyway?</source>
        <translation>
            <numerusform>%n support delivered in the month still lacks required documents in its evidence file; the summary counts it. Close anyway?</numerusform>
            <numerusform>%n supports delivered in the month still lack required documents in their evidence file; the summary counts them. Close anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n office(s) received for this month</source>
        <translation>
            <numerusform>%n office received for this month</numerusform>
            <numerusform>%n offices received for this month</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupportFileWidget</name>
    <message numerus="yes">
        <source>%n document(s) pending</source>
        <translation>
            <numerusform>%n document pending</numerusform>
            <numerusform>%n documents pending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupportsPage</name>
    <message numerus="yes">
        <source>%Ln support(s)</source>
        <translation>
            <numerusform>%Ln support</numerusform>
            <numerusform>%Ln supports</numerusform>
        </translation>
    </message>
</context>
</TS>
