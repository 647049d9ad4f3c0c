<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>PeoplePage</name>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
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
    <name>SupportsPage</name>
    <message numerus="yes">
        <source>%n support(s)</source>
        <translation>
            <numerusform>%n support</numerusform>
            <numerusform>%n supports</numerusform>
        </translation>
    </message>
</context>
</TS>
