<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Frontera Desk</source>
        <translation>Acerca de Frontera Desk</translation>
    </message>
    <message>
        <source>Assistance records and receipts for a migrant-assistance field office.</source>
        <translation>Registro de apoyos y recibos para una oficina de atención a personas migrantes.</translation>
    </message>
    <message>
        <source>License: %1 · Python %2 · Qt %3</source>
        <translation>Licencia: %1 · Python %2 · Qt %3</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Carpeta de datos:</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Archivo de registro:</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Componente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar datos</translation>
    </message>
    <message>
        <source>Included components and their licenses:</source>
        <translation>Componentes incluidos y sus licencias:</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Changing the database key…</source>
        <translation>Cambiando la llave de la base de datos…</translation>
    </message>
    <message>
        <source>Frontera Desk</source>
        <translation>Frontera Desk</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Action — %1</source>
        <translation>Acción — %1</translation>
    </message>
    <message>
        <source>New liaison or outreach action</source>
        <translation>Nueva acción de vinculación o difusión</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Liaison or outreach action</source>
        <translation>Acción de vinculación o difusión</translation>
    </message>
    <message>
        <source>&amp;Kind *</source>
        <translation>Ti&amp;po *</translation>
    </message>
    <message>
        <source>Kind of action</source>
        <translation>Tipo de acción</translation>
    </message>
    <message>
        <source>&amp;Title *</source>
        <translation>&amp;Título *</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>As the report should name it</source>
        <translation>Como debe nombrarla el informe</translation>
    </message>
    <message>
        <source>&amp;Date *</source>
        <translation>&amp;Fecha *</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>&amp;Pieces *</source>
        <translation>&amp;Piezas *</translation>
    </message>
    <message>
        <source>Pieces of material</source>
        <translation>Piezas de material</translation>
    </message>
    <message>
        <source>How many trípticos, posters, banners… were made</source>
        <translation>Cuántos trípticos, carteles, lonas, banners… se elaboraron</translation>
    </message>
    <message>
        <source>&amp;Counterparts</source>
        <translation>&amp;Contrapartes</translation>
    </message>
    <message>
        <source>Counterparts</source>
        <translation>Contrapartes</translation>
    </message>
    <message>
        <source>Tick the agencies, embassies, consulates or bodies the action was made with (Agreements › Organizations adds one)</source>
        <translation>Marque las agencias, embajadas, consulados o dependencias con que se realizó la acción (Convenios › Organizaciones agrega una)</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>&amp;Municipio</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Observaciones</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observaciones</translation>
    </message>
    <message>
        <source>These actions are counted in the monthly summary and the year&apos;s report apart from workshops, courses and events.</source>
        <translation>Estas acciones se cuentan en el resumen mensual y en el informe anual aparte de los talleres, cursos y eventos.</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>ActionsTab</name>
    <message>
        <source>Kind of action</source>
        <translation>Tipo de acción</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Counted apart from workshops, courses and events.</source>
        <translation>Se cuentan aparte de los talleres, cursos y eventos.</translation>
    </message>
    <message>
        <source>&amp;New action…</source>
        <translation>&amp;Nueva acción…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>Choose an action in the list to see its details.</source>
        <translation>Elija una acción en la lista para ver sus datos.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Counterparts</source>
        <translation>Contrapartes</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Piezas</translation>
    </message>
    <message>
        <source>Delete the action «%1»? Delete only an action recorded by mistake; the audit log keeps a note of it.</source>
        <translation>¿Eliminar la acción «%1»? Elimine solo una acción registrada por error; la bitácora guarda constancia.</translation>
    </message>
    <message>
        <source>Delete action</source>
        <translation>Eliminar acción</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>&amp;New activity…</source>
        <translation>&amp;Nueva actividad…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Asistentes</translation>
    </message>
    <message>
        <source>&amp;Edit and attendance…</source>
        <translation>&amp;Editar y asistencia…</translation>
    </message>
    <message>
        <source>&amp;Blank attendance sheet…</source>
        <translation>Lista de asistencia en &amp;blanco…</translation>
    </message>
    <message>
        <source>&amp;Filled attendance sheet…</source>
        <translation>Lista de asistencia &amp;llena…</translation>
    </message>
    <message>
        <source>&amp;Certificates…</source>
        <translation>&amp;Constancias…</translation>
    </message>
    <message>
        <source>&amp;Workshops, courses and events</source>
        <translation>&amp;Talleres, cursos y eventos</translation>
    </message>
    <message>
        <source>&amp;Other actions</source>
        <translation>&amp;Otras acciones</translation>
    </message>
    <message>
        <source>Choose an activity in the list to see its details.</source>
        <translation>Elija una actividad de la lista para ver su detalle.</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitador(a)</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Organización aliada</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Público</translation>
    </message>
    <message>
        <source>Attendance sheet — %1</source>
        <translation>Lista de asistencia — %1</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>(none)</source>
        <comment>an organization: feminine in Spanish</comment>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Nueva actividad</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Activity — %1</source>
        <translation>Actividad — %1</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Kind *</source>
        <translation>&amp;Tipo *</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>&amp;Title *</source>
        <translation>&amp;Título *</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>T&amp;opic</source>
        <translation>T&amp;ema</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>&amp;Date *</source>
        <translation>&amp;Fecha *</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>&amp;Hours *</source>
        <translation>&amp;Horas *</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>&amp;Municipio</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Sede</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>&amp;Facilitator</source>
        <translation>&amp;Facilitador(a)</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitador(a)</translation>
    </message>
    <message>
        <source>&amp;Partner organization</source>
        <translation>Organización &amp;aliada</translation>
    </message>
    <message>
        <source>Partner organization</source>
        <translation>Organización aliada</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Público</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Observaciones</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observaciones</translation>
    </message>
    <message>
        <source>&amp;Attendance</source>
        <translation>&amp;Asistencia</translation>
    </message>
    <message>
        <source>Count the people by sex and age, or list them below (for certificates); when both are given their totals must match.</source>
        <translation>Cuente a las personas por sexo y edad, o anótelas abajo (para las constancias); si da ambas cosas, los totales deben coincidir.</translation>
    </message>
    <message>
        <source>Attendance counts</source>
        <translation>Conteo de asistencia</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Asistentes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Add a &amp;registered person…</source>
        <translation>Agregar una persona &amp;registrada…</translation>
    </message>
    <message>
        <source>Add a&amp;ttendee</source>
        <translation>Agregar a&amp;sistente</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>No.</source>
        <translation>Núm.</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Cuándo (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Usuarios</translation>
    </message>
    <message>
        <source>Audit &amp;log</source>
        <translation>&amp;Bitácora</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>&amp;Oficina</translation>
    </message>
    <message>
        <source>&amp;Programs</source>
        <translation>&amp;Programas</translation>
    </message>
    <message>
        <source>Budget and &amp;targets</source>
        <translation>Presupuesto y &amp;metas</translation>
    </message>
    <message>
        <source>Data &amp;retention</source>
        <translation>&amp;Conservación de datos</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Respaldos</translation>
    </message>
    <message>
        <source>Your role has no administration tasks.</source>
        <translation>Su rol no tiene tareas de administración.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>&amp;Nuevo usuario…</translation>
    </message>
    <message>
        <source>New &amp;password…</source>
        <translation>Nueva &amp;contraseña…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>&amp;Job title…</source>
        <translation>&amp;Cargo…</translation>
    </message>
    <message>
        <source>The position printed under the user&apos;s name on receipts</source>
        <translation>El cargo que se imprime bajo el nombre del usuario en los recibos</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Job title of %1 (printed on receipts):</source>
        <translation>Cargo de %1 (se imprime en los recibos):</translation>
    </message>
    <message>
        <source>%1 will no longer be able to sign in. Their history is kept.</source>
        <translation>%1 ya no podrá iniciar sesión. Su historial se conserva.</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>Desactivar usuario</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Todos los usuarios</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>&amp;Verify the chain</source>
        <translation>&amp;Verificar la cadena</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Verifying the audit log…</source>
        <translation>Verificando la bitácora…</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>Aviso de privacidad</translation>
    </message>
    <message>
        <source> years</source>
        <translation> años</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Office address</source>
        <translation>Domicilio de la oficina</translation>
    </message>
    <message>
        <source>Place of issue</source>
        <translation>Lugar de expedición</translation>
    </message>
    <message>
        <source>Government in the header</source>
        <translation>Gobierno en el encabezado</translation>
    </message>
    <message>
        <source>Unit in the header</source>
        <translation>Dependencia en el encabezado</translation>
    </message>
    <message>
        <source>Official who signs certificates</source>
        <translation>Servidor(a) público(a) que firma las constancias</translation>
    </message>
    <message>
        <source>Job title of the official who signs certificates</source>
        <translation>Cargo de quien firma las constancias</translation>
    </message>
    <message>
        <source>Original and copy on one sheet</source>
        <translation>Original y copia en una sola hoja</translation>
    </message>
    <message>
        <source>The receiver RFC that providers&apos; invoices must carry</source>
        <translation>El RFC receptor que deben llevar las facturas de los proveedores</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Guardar configuración</translation>
    </message>
    <message>
        <source>Privacy &amp;notice</source>
        <translation>&amp;Aviso de privacidad</translation>
    </message>
    <message>
        <source>Keep inactive people for</source>
        <translation>Conservar personas inactivas durante</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>Bloquear tras inactividad</translation>
    </message>
    <message>
        <source>Header: &amp;government</source>
        <translation>Encabezado: &amp;gobierno</translation>
    </message>
    <message>
        <source>Header: u&amp;nit</source>
        <translation>Encabezado: &amp;dependencia</translation>
    </message>
    <message>
        <source>Office &amp;address</source>
        <translation>Do&amp;micilio de la oficina</translation>
    </message>
    <message>
        <source>&amp;Place of issue</source>
        <translation>&amp;Lugar de expedición</translation>
    </message>
    <message>
        <source>Certificates: si&amp;gned by</source>
        <translation>Constancias: &amp;firma</translation>
    </message>
    <message>
        <source>Certificates: signer&apos;s job title</source>
        <translation>Constancias: cargo de quien firma</translation>
    </message>
    <message>
        <source>Receipts: program &amp;legend</source>
        <translation>Recibos: &amp;leyenda del programa</translation>
    </message>
    <message>
        <source>Receipts: privacy legend</source>
        <translation>Recibos: leyenda de privacidad</translation>
    </message>
    <message>
        <source>Office &amp;RFC (invoices)</source>
        <translation>&amp;RFC de la oficina (facturas)</translation>
    </message>
    <message>
        <source>Choose &amp;logo…</source>
        <translation>Elegir &amp;logotipo…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Quitar logotipo</translation>
    </message>
    <message>
        <source>Receipts: logo</source>
        <translation>Recibos: logotipo</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Office logo</source>
        <translation>Logotipo de la oficina</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Logo saved.</source>
        <translation>Logotipo guardado.</translation>
    </message>
    <message>
        <source>Logo removed.</source>
        <translation>Logotipo quitado.</translation>
    </message>
    <message>
        <source>&amp;List inactive people</source>
        <translation>&amp;Listar personas inactivas</translation>
    </message>
    <message>
        <source>&amp;Anonymize selected…</source>
        <translation>&amp;Anonimizar seleccionadas…</translation>
    </message>
    <message>
        <source>Looking for inactive people…</source>
        <translation>Buscando personas inactivas…</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) with no change and no support in the last %1 years.</source>
        <translation>
            <numerusform>%n persona sin cambios ni apoyos en los últimos %1 años.</numerusform>
            <numerusform>%n personas sin cambios ni apoyos en los últimos %1 años.</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation>Anonimizar</translation>
    </message>
    <message numerus="yes">
        <source>Names, documents, contact and notes of %n person(s) will be removed for good. Reason:</source>
        <translation>
            <numerusform>Se eliminarán para siempre los nombres, documentos, contacto y observaciones de %n persona. Motivo:</numerusform>
            <numerusform>Se eliminarán para siempre los nombres, documentos, contacto y observaciones de %n personas. Motivo:</numerusform>
        </translation>
    </message>
    <message>
        <source>Frontera Desk backs up on its own every day and when it closes, into %1. Take a copy to a USB drive regularly.</source>
        <translation>Frontera Desk respalda por sí solo cada día y al cerrar, en %1. Lleve una copia a una memoria USB con regularidad.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Back up &amp;now…</source>
        <translation>Respaldar &amp;ahora…</translation>
    </message>
    <message>
        <source>&amp;Verify a backup…</source>
        <translation>&amp;Verificar un respaldo…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurar un respaldo…</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automático</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>Folder for the backup (for example a USB drive)</source>
        <translation>Carpeta para el respaldo (por ejemplo una memoria USB)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Respaldando…</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>Respaldo guardado: %1</translation>
    </message>
    <message>
        <source>Frontera Desk backups (*%1)</source>
        <translation>Respaldos de Frontera Desk (*%1)</translation>
    </message>
    <message>
        <source>Verify a backup</source>
        <translation>Verificar un respaldo</translation>
    </message>
    <message>
        <source>The backup is sound: office %1, made %2.</source>
        <translation>El respaldo está íntegro: oficina %1, hecho el %2.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar un respaldo</translation>
    </message>
    <message>
        <source>The backup was restored. Frontera Desk will close now; open it again.</source>
        <translation>El respaldo se restauró. Frontera Desk se cerrará ahora; vuelva a abrirlo.</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>A draft has no signing date: use Change status.</source>
        <translation>Un borrador no tiene fecha de firma: use Cambiar estado.</translation>
    </message>
    <message>
        <source>Agreement — %1</source>
        <translation>Convenio — %1</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>Nuevo convenio</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Convenio</translation>
    </message>
    <message>
        <source>&amp;Title *</source>
        <translation>&amp;Título *</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>&amp;Kind *</source>
        <translation>&amp;Tipo *</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>&amp;Counterparts *</source>
        <translation>&amp;Contrapartes *</translation>
    </message>
    <message>
        <source>Counterparts</source>
        <translation>Contrapartes</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Objeto</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>&amp;Signed</source>
        <translation>&amp;Firmado</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>Firmado el:</translation>
    </message>
    <message>
        <source>Signing &amp;date</source>
        <translation>&amp;Fecha de firma</translation>
    </message>
    <message>
        <source>Signing date</source>
        <translation>Fecha de firma</translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation>Vigente &amp;desde</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Vigente desde</translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation>Vigente &amp;hasta</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Vigente hasta</translation>
    </message>
    <message>
        <source>Committed a&amp;mount (MXN)</source>
        <translation>&amp;Monto comprometido (MXN)</translation>
    </message>
    <message>
        <source>Committed amount</source>
        <translation>Monto comprometido</translation>
    </message>
    <message>
        <source>F&amp;unding source</source>
        <translation>F&amp;uente de recursos</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>Fuente de recursos</translation>
    </message>
    <message>
        <source>M&amp;unicipality</source>
        <translation>M&amp;unicipio</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>Signator&amp;ies</source>
        <translation>F&amp;irmantes</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Firmantes</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>AgreementStatusDialog</name>
    <message>
        <source>«%1»: from %2 to %3.</source>
        <translation>«%1»: de %2 a %3.</translation>
    </message>
    <message>
        <source>&amp;Mark as %1</source>
        <translation>&amp;Marcar como %1</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Cambiar estado</translation>
    </message>
    <message>
        <source>Signed &amp;on *</source>
        <translation>&amp;Firmado el *</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Firmado el</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>AgreementsPage</name>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>&amp;New agreement…</source>
        <translation>&amp;Nuevo convenio…</translation>
    </message>
    <message>
        <source>&amp;Organizations…</source>
        <translation>&amp;Organizaciones…</translation>
    </message>
    <message>
        <source>Cancel the agreement</source>
        <translation>Cancelar el convenio</translation>
    </message>
    <message>
        <source>Cancel «%1»? A cancelled agreement takes no more disbursements and cannot be reopened.</source>
        <translation>¿Cancelar «%1»? Un convenio cancelado no admite más ministraciones y no puede reabrirse.</translation>
    </message>
    <message>
        <source>&amp;Cancel the agreement</source>
        <translation>&amp;Cancelar el convenio</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Volver</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Counterparts</source>
        <translation>Contrapartes</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Comprometido</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Change &amp;status…</source>
        <translation>Cambiar e&amp;stado…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel agreement…</source>
        <translation>Ca&amp;ncelar convenio…</translation>
    </message>
    <message>
        <source>Record a &amp;disbursement…</source>
        <translation>Registrar &amp;ministración…</translation>
    </message>
    <message>
        <source>&amp;Attach a file…</source>
        <translation>&amp;Adjuntar archivo…</translation>
    </message>
    <message>
        <source>&amp;Open a file…</source>
        <translation>A&amp;brir adjunto…</translation>
    </message>
    <message>
        <source>&amp;Link a person…</source>
        <translation>&amp;Vincular persona…</translation>
    </message>
    <message>
        <source>A person or family this agreement benefits</source>
        <translation>Una persona o familia beneficiada por este convenio</translation>
    </message>
    <message>
        <source>Mark as %1…</source>
        <translation>Marcar como %1…</translation>
    </message>
    <message>
        <source>Choose an agreement in the list to see its details.</source>
        <translation>Elija un convenio de la lista para ver su detalle.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Vigencia</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>Ministrado</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>Fuente de recursos</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Firmantes</translation>
    </message>
    <message>
        <source>No disbursements yet.</source>
        <translation>Todavía no hay ministraciones.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Paid for</source>
        <translation>Concepto</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Reason for the exception</source>
        <translation>Motivo de la excepción</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Registró</translation>
    </message>
    <message>
        <source>People and families it benefits</source>
        <translation>Personas y familias beneficiadas</translation>
    </message>
    <message>
        <source>Disbursements</source>
        <translation>Ministraciones</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos adjuntos</translation>
    </message>
    <message>
        <source>overdrawn</source>
        <translation>sobregirado</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar archivo</translation>
    </message>
    <message>
        <source>Open a file</source>
        <translation>Abrir adjunto</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>Link a person</source>
        <translation>Vincular persona</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Creating demonstration data…</source>
        <translation>Creando datos de demostración…</translation>
    </message>
    <message>
        <source>Frontera Desk</source>
        <translation>Frontera Desk</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurar un respaldo…</translation>
    </message>
    <message>
        <source>The backup was restored. Open Frontera Desk again.</source>
        <translation>El respaldo se restauró. Abra Frontera Desk de nuevo.</translation>
    </message>
    <message>
        <source>Backing up before closing…</source>
        <translation>Respaldando antes de cerrar…</translation>
    </message>
    <message>
        <source>The closing backup failed: %1</source>
        <translation>Falló el respaldo al cerrar: %1</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>The image cannot be shown (damaged file).</source>
        <translation>No se puede mostrar la imagen (archivo dañado).</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Adjunto</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Guardar una copia…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Guardar una copia</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>Failed sign-in</source>
        <translation>Acceso fallido</translation>
    </message>
    <message>
        <source>File attached</source>
        <translation>Archivo adjuntado</translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation>Anonimización</translation>
    </message>
    <message>
        <source>Support authorized</source>
        <translation>Apoyo autorizado</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Cambio de contraseña</translation>
    </message>
    <message>
        <source>Job title changed</source>
        <translation>Cargo cambiado</translation>
    </message>
    <message>
        <source>Database key changed</source>
        <translation>Cambio de llave de la base</translation>
    </message>
    <message>
        <source>Support cancelled</source>
        <translation>Apoyo cancelado</translation>
    </message>
    <message>
        <source>Certificate voided</source>
        <translation>Constancia cancelada</translation>
    </message>
    <message>
        <source>Receipt voided</source>
        <translation>Recibo cancelado</translation>
    </message>
    <message>
        <source>Month closed</source>
        <translation>Cierre de mes</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Cambio de configuración</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Consentimiento registrado</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Demonstration data created</source>
        <translation>Datos de demostración creados</translation>
    </message>
    <message>
        <source>Office key created</source>
        <translation>Llave de la oficina creada</translation>
    </message>
    <message>
        <source>Action refused (no permission)</source>
        <translation>Acción denegada (sin permiso)</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>Cuenta desactivada</translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation>Constancia emitida</translation>
    </message>
    <message>
        <source>Receipt issued</source>
        <translation>Recibo emitido</translation>
    </message>
    <message>
        <source>Support delivered</source>
        <translation>Apoyo entregado</translation>
    </message>
    <message>
        <source>Personal data exported</source>
        <translation>Exportación de datos personales</translation>
    </message>
    <message>
        <source>Monthly package exported</source>
        <translation>Paquete mensual exportado</translation>
    </message>
    <message>
        <source>Budget and targets set</source>
        <translation>Presupuesto y metas fijados</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Package received</source>
        <translation>Paquete recibido</translation>
    </message>
    <message>
        <source>Certificate printed</source>
        <translation>Constancia impresa</translation>
    </message>
    <message>
        <source>Receipt printed</source>
        <translation>Recibo impreso</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Office enrolled</source>
        <translation>Oficina inscrita</translation>
    </message>
    <message>
        <source>Office key mismatch</source>
        <translation>Llave de la oficina distinta</translation>
    </message>
    <message>
        <source>Key file altered</source>
        <translation>Archivo de llaves alterado</translation>
    </message>
    <message>
        <source>Disbursement recorded</source>
        <translation>Ministración registrada</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modificación</translation>
    </message>
    <message>
        <source>Moved to a server</source>
        <translation>Mudanza a servidor</translation>
    </message>
    <message>
        <source>Month reopened</source>
        <translation>Reapertura de mes</translation>
    </message>
    <message>
        <source>Support rejected</source>
        <translation>Apoyo rechazado</translation>
    </message>
    <message>
        <source>Access recovered</source>
        <translation>Acceso recuperado</translation>
    </message>
    <message>
        <source>Certificate reprinted</source>
        <translation>Constancia reimpresa</translation>
    </message>
    <message>
        <source>Receipt reprinted</source>
        <translation>Recibo reimpreso</translation>
    </message>
    <message>
        <source>Office enrolled again</source>
        <translation>Oficina inscrita de nuevo</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Contraseña restablecida</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Respaldo restaurado</translation>
    </message>
    <message>
        <source>Support requested</source>
        <translation>Apoyo solicitado</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Archivo de llaves</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Constancia</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Convenio</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Oficina</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Permiso</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Programs and budget lines</source>
        <translation>Programas y partidas</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Respaldo</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>Cuenta de usuario</translation>
    </message>
    <message>
        <source>action</source>
        <translation>acción</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>actividad</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>birth date estimated</source>
        <translation>fecha de nacimiento aproximada</translation>
    </message>
    <message>
        <source>job title</source>
        <translation>cargo</translation>
    </message>
    <message>
        <source>dependents</source>
        <translation>dependientes</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>documentos</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>first surname</source>
        <translation>primer apellido</translation>
    </message>
    <message>
        <source>folio</source>
        <translation>folio</translation>
    </message>
    <message>
        <source>given names</source>
        <translation>nombre(s)</translation>
    </message>
    <message>
        <source>household head</source>
        <translation>jefe(a) de hogar</translation>
    </message>
    <message>
        <source>household size</source>
        <translation>integrantes del hogar</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>importe</translation>
    </message>
    <message>
        <source>print no.</source>
        <translation>impresión núm.</translation>
    </message>
    <message>
        <source>attempt</source>
        <translation>intento</translation>
    </message>
    <message>
        <source>lodging</source>
        <translation>alojamiento</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>nacionalidad</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>at the lock screen</source>
        <translation>en la pantalla de bloqueo</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>refused by the lock-out</source>
        <translation>rechazado por el bloqueo</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <source>second surname</source>
        <translation>segundo apellido</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexo</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>vulnerabilities</source>
        <translation>vulnerabilidades</translation>
    </message>
</context>
<context>
    <name>CertificatePreview</name>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n constancia</numerusform>
            <numerusform>%n constancias</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificates — %1</source>
        <translation>Constancias — %1</translation>
    </message>
</context>
<context>
    <name>CertificatesDialog</name>
    <message>
        <source>Certificates — %1</source>
        <translation>Constancias — %1</translation>
    </message>
    <message>
        <source>%1 attendee(s) on the list of «%2» (%3).</source>
        <translation>Asistentes en la lista de «%2» (%3): %1.</translation>
    </message>
    <message>
        <source>Voided: %1</source>
        <translation>Cancelada: %1</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impresa</translation>
    </message>
    <message>
        <source>Not printed yet</source>
        <translation>Sin imprimir</translation>
    </message>
    <message numerus="yes">
        <source>%n new certificate(s) issued.</source>
        <translation>
            <numerusform>%n constancia nueva emitida.</numerusform>
            <numerusform>%n constancias nuevas emitidas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the certificates to print in the list.</source>
        <translation>Elija en la lista las constancias que desea imprimir.</translation>
    </message>
    <message>
        <source>Choose one certificate to void.</source>
        <translation>Elija una constancia para cancelarla.</translation>
    </message>
    <message>
        <source>Void certificate %1</source>
        <translation>Cancelar la constancia %1</translation>
    </message>
    <message>
        <source>The folio is kept and marked CANCELADA; issuing again gives the attendee a new folio.</source>
        <translation>El folio se conserva marcado CANCELADA; al expedirla de nuevo, la persona recibe un folio nuevo.</translation>
    </message>
    <message>
        <source>&amp;Void the certificate</source>
        <translation>&amp;Cancelar la constancia</translation>
    </message>
    <message>
        <source>Certificate %1 voided.</source>
        <translation>Constancia %1 cancelada.</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Constancias</translation>
    </message>
    <message>
        <source>&amp;Signed by *</source>
        <translation>&amp;Firma *</translation>
    </message>
    <message>
        <source>Official who signs the certificates</source>
        <translation>Quien firma las constancias</translation>
    </message>
    <message>
        <source>For this activity; the office&apos;s default is set in Administración</source>
        <translation>Para esta actividad; el valor de la oficina se fija en Administración</translation>
    </message>
    <message>
        <source>&amp;Job title *</source>
        <translation>&amp;Cargo *</translation>
    </message>
    <message>
        <source>Job title of the official who signs</source>
        <translation>Cargo de quien firma</translation>
    </message>
    <message>
        <source>Certificates issued</source>
        <translation>Constancias emitidas</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Folio</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Expedida</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>&amp;Issue and print…</source>
        <translation>&amp;Emitir e imprimir…</translation>
    </message>
    <message>
        <source>A certificate for every attendee on the list who has none yet; then all of the activity&apos;s current certificates are shown to print</source>
        <translation>Una constancia para cada asistente de la lista que aún no la tenga; después se muestran todas las constancias vigentes de la actividad para imprimirlas</translation>
    </message>
    <message>
        <source>&amp;Print selected…</source>
        <translation>&amp;Imprimir las elegidas…</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>Ca&amp;ncelar…</translation>
    </message>
</context>
<context>
    <name>DisbursementDialog</name>
    <message>
        <source>Disbursement — balance %1</source>
        <translation>Ministración — saldo %1</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Registrar</translation>
    </message>
    <message>
        <source>Record a disbursement</source>
        <translation>Registrar una ministración</translation>
    </message>
    <message>
        <source>&amp;Date *</source>
        <translation>&amp;Fecha *</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>&amp;Amount (MXN) *</source>
        <translation>&amp;Importe (MXN) *</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>What it &amp;paid for *</source>
        <translation>&amp;Concepto *</translation>
    </message>
    <message>
        <source>What it paid for</source>
        <translation>Concepto</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Referencia</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>&amp;Override reason</source>
        <translation>&amp;Motivo de autorización especial</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Motivo de autorización especial</translation>
    </message>
    <message>
        <source>Only beyond the balance or outside the validity</source>
        <translation>Solo si rebasa el saldo o cae fuera de la vigencia</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Frontera Desk</source>
        <translation>Frontera Desk</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>Frontera Desk found an unexpected error. What was saved before is safe. Please send the details below and the log file to whoever supports this office.</source>
        <translation>Frontera Desk encontró un error inesperado. Lo que se guardó antes está a salvo. Envíe los detalles de abajo y el archivo de registro a quien dé soporte a esta oficina.</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Archivo de registro: %1</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Discard what you typed in this form?</source>
        <translation>¿Descartar lo que escribió en este formulario?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Seguir editando</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>No hay nada que guardar.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>People registered</source>
        <translation>Personas registradas</translation>
    </message>
    <message>
        <source>Supports awaiting approval</source>
        <translation>Apoyos por autorizar</translation>
    </message>
    <message>
        <source>Approved, awaiting delivery</source>
        <translation>Autorizados, por entregar</translation>
    </message>
    <message>
        <source>Supports delivered this month</source>
        <translation>Apoyos entregados este mes</translation>
    </message>
    <message>
        <source>Amount delivered this month</source>
        <translation>Importe entregado este mes</translation>
    </message>
    <message>
        <source>People served this month</source>
        <translation>Personas atendidas este mes</translation>
    </message>
    <message>
        <source>Delivered with evidence pending</source>
        <translation>Entregados con expediente incompleto</translation>
    </message>
    <message>
        <source>See list</source>
        <translation>Ver lista</translation>
    </message>
    <message>
        <source>Supports delivered this month, by type</source>
        <translation>Apoyos entregados este mes, por tipo</translation>
    </message>
    <message>
        <source>Supports delivered per day</source>
        <translation>Apoyos entregados por día</translation>
    </message>
    <message>
        <source>DEMONSTRATION DATA</source>
        <translation>DATOS DE DEMOSTRACIÓN</translation>
    </message>
    <message>
        <source>Days 1 to %1 of the month</source>
        <translation>Días 1 al %1 del mes</translation>
    </message>
</context>
<context>
    <name>ImportDuplicatesPage</name>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Posibles duplicados</translation>
    </message>
    <message>
        <source>Set every undecided pair to:</source>
        <translation>Marcar cada par sin decidir como:</translation>
    </message>
    <message>
        <source>&amp;Different people</source>
        <translation>Personas &amp;distintas</translation>
    </message>
    <message>
        <source>S&amp;kip the row</source>
        <translation>&amp;Omitir la fila</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>Bring in the people or the past supports the office kept in spreadsheets (XLSX, XLS, ODS or CSV). Nothing is saved until the last step, and an import can be undone while none of its records was touched.</source>
        <translation>Traiga a las personas o los apoyos pasados que la oficina llevaba en hojas de cálculo (XLSX, XLS, ODS o CSV). Nada se guarda hasta el último paso, y una importación se puede deshacer mientras ninguno de sus registros se haya tocado.</translation>
    </message>
    <message>
        <source>What to import</source>
        <translation>Qué importar</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Personas</translation>
    </message>
    <message>
        <source>Past &amp;supports</source>
        <translation>&amp;Apoyos pasados</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>S&amp;heet</source>
        <translation>&amp;Hoja</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Hoja</translation>
    </message>
    <message>
        <source>About the file</source>
        <translation>Sobre el archivo</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <source>Each column of the file and the field it fills, guessed from its header. Change any that is wrong; a column left as &quot;(not imported)&quot; is ignored.</source>
        <translation>Cada columna del archivo y el campo que llena, deducido de su encabezado. Cambie lo que esté mal; una columna «(no se importa)» se ignora.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>A single name &amp;column is split as</source>
        <translation>Una sola &amp;columna de nombre se separa así</translation>
    </message>
    <message>
        <source>Name split rule</source>
        <translation>Regla para separar el nombre</translation>
    </message>
    <message>
        <source>The letter &amp;M means</source>
        <translation>La letra &amp;M significa</translation>
    </message>
    <message>
        <source>Meaning of M</source>
        <translation>Significado de M</translation>
    </message>
    <message>
        <source>&amp;Use a saved mapping…</source>
        <translation>&amp;Usar una correspondencia guardada…</translation>
    </message>
    <message>
        <source>Sa&amp;ve this mapping…</source>
        <translation>&amp;Guardar esta correspondencia…</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Show only the rows that will be &amp;skipped</source>
        <translation>Mostrar solo las filas que se &amp;omitirán</translation>
    </message>
    <message>
        <source>Rows as they would be saved</source>
        <translation>Filas como se guardarían</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>What was imported and what was skipped</source>
        <translation>Qué se importó y qué se omitió</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>&amp;Deshacer esta importación</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import from a spreadsheet</source>
        <translation>Importar desde una hoja de cálculo</translation>
    </message>
    <message>
        <source>1. File</source>
        <translation>1. Archivo</translation>
    </message>
    <message>
        <source>The spreadsheet and its sheet.</source>
        <translation>La hoja de cálculo y la hoja que se importa.</translation>
    </message>
    <message>
        <source>2. Columns</source>
        <translation>2. Columnas</translation>
    </message>
    <message>
        <source>Which column fills which field.</source>
        <translation>Qué columna llena cada campo.</translation>
    </message>
    <message>
        <source>3. Preview</source>
        <translation>3. Vista previa</translation>
    </message>
    <message>
        <source>Each row as it would be saved, and the rows that will be skipped.</source>
        <translation>Cada fila como se guardaría, y las filas que se omitirán.</translation>
    </message>
    <message>
        <source>4. Likely duplicates</source>
        <translation>4. Posibles duplicados</translation>
    </message>
    <message>
        <source>Within the file and against the people already registered.</source>
        <translation>Dentro del archivo y contra las personas ya registradas.</translation>
    </message>
    <message>
        <source>5. Import</source>
        <translation>5. Importar</translation>
    </message>
    <message>
        <source>All rows are saved together, or none: stopping saves nothing.</source>
        <translation>Todas las filas se guardan juntas, o ninguna: detener no guarda nada.</translation>
    </message>
    <message>
        <source>Woman (columns of H and M)</source>
        <translation>Mujer (columnas de H y M)</translation>
    </message>
    <message>
        <source>Man (columns of F and M)</source>
        <translation>Hombre (columnas de F y M)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Leyendo el archivo…</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Revisando cada fila…</translation>
    </message>
    <message>
        <source>%1 rows are ready. Nothing is saved until you press Import.</source>
        <translation>%1 filas están listas. Nada se guarda hasta que oprima Importar.</translation>
    </message>
    <message>
        <source>Spreadsheet to import</source>
        <translation>Hoja de cálculo que se importa</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation>Hojas de cálculo (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s). The header row is looked for among the first rows.</source>
        <translation>
            <numerusform>%n hoja. La fila de encabezados se busca entre las primeras filas.</numerusform>
            <numerusform>%n hojas. La fila de encabezados se busca entre las primeras filas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Column of the file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Primeros valores</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(no se importa)</translation>
    </message>
    <message>
        <source>Field of column %1</source>
        <translation>Campo de la columna %1</translation>
    </message>
    <message>
        <source>Two columns fill the field %1: choose one.</source>
        <translation>Dos columnas llenan el campo %1: elija una.</translation>
    </message>
    <message>
        <source>Saved mapping</source>
        <translation>Correspondencia guardada</translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation>Correspondencias (*.json)</translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation>Guardar la correspondencia</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Nombre(s)</translation>
    </message>
    <message>
        <source>First surname</source>
        <translation>Primer apellido</translation>
    </message>
    <message>
        <source>Second surname</source>
        <translation>Segundo apellido</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
    <message>
        <source>Concept</source>
        <translation>Concepto</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>%1 of %2 rows will be imported; %3 will be skipped (in red, with the reason).</source>
        <translation>Se importarán %1 de %2 filas; se omitirán %3 (en rojo, con el motivo).</translation>
    </message>
    <message>
        <source>%1 likely duplicates to review next.</source>
        <translation>Después se revisan %1 posibles duplicados.</translation>
    </message>
    <message>
        <source>Registered: %1</source>
        <translation>Registrada: %1</translation>
    </message>
    <message>
        <source>Row %1: %2, %3, %4</source>
        <translation>Fila %1: %2, %3, %4</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Ya registrada o fila anterior</translation>
    </message>
    <message>
        <source>Row of the file</source>
        <translation>Fila del archivo</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>(decide)</source>
        <translation>(decidir)</translation>
    </message>
    <message>
        <source>Same person: fill what is missing</source>
        <translation>La misma persona: completar lo que falta</translation>
    </message>
    <message>
        <source>Different people</source>
        <translation>Personas distintas</translation>
    </message>
    <message>
        <source>Skip this row</source>
        <translation>Omitir esta fila</translation>
    </message>
    <message>
        <source>Choice for row %1</source>
        <translation>Decisión para la fila %1</translation>
    </message>
    <message>
        <source>%1 pairs look like the same person. Choose for each; a pair left undecided skips its row (it can be imported later: the choices are kept for this file).</source>
        <translation>%1 pares parecen la misma persona. Decida cada uno; un par sin decidir omite su fila (se puede importar después: las decisiones se guardan para este archivo).</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>%1 new people, %2 rows joined to a person</source>
        <translation>%1 personas nuevas, %2 filas unidas a una persona</translation>
    </message>
    <message>
        <source>%1 past supports (historical: no receipt from the system)%2</source>
        <translation>%1 apoyos pasados (histórico: sin recibo del sistema)%2</translation>
    </message>
    <message>
        <source>Batch %1 imported: %2; %3 rows skipped.</source>
        <translation>Lote %1 importado: %2; %3 filas omitidas.</translation>
    </message>
    <message>
        <source>Row %1 skipped: %2</source>
        <translation>Fila %1 omitida: %2</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Fila %1: %2</translation>
    </message>
    <message>
        <source>Batch %1 undone: the office is as before it.</source>
        <translation>Lote %1 deshecho: la oficina quedó como antes de importarlo.</translation>
    </message>
</context>
<context>
    <name>InvoiceCheckDialog</name>
    <message>
        <source>Provider&apos;s invoice</source>
        <translation>Factura del proveedor</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Emisor</translation>
    </message>
    <message>
        <source>Issuer RFC</source>
        <translation>RFC del emisor</translation>
    </message>
    <message>
        <source>Folio fiscal (UUID)</source>
        <translation>Folio fiscal (UUID)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>Conceptos</translation>
    </message>
    <message>
        <source>Printed invoice (PDF)</source>
        <translation>Factura impresa (PDF)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Comprobaciones</translation>
    </message>
    <message>
        <source>Reason for another total</source>
        <translation>Motivo de otro total</translation>
    </message>
    <message>
        <source>Reason for another total (supervisor)</source>
        <translation>Motivo de otro total (supervisor/a)</translation>
    </message>
    <message>
        <source>&amp;Accept the invoice</source>
        <translation>&amp;Aceptar la factura</translation>
    </message>
</context>
<context>
    <name>InvoicePanel</name>
    <message>
        <source>&lt;b&gt;Provider&apos;s invoice (CFDI)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Factura del proveedor (CFDI)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Attach &amp;invoice (XML)…</source>
        <translation>Adjuntar &amp;factura (XML)…</translation>
    </message>
    <message>
        <source>Choose the provider&apos;s CFDI (XML) and, if you have it, its PDF</source>
        <translation>Elija el CFDI (XML) del proveedor y, si lo tiene, su PDF</translation>
    </message>
    <message>
        <source>Take &amp;back the invoice…</source>
        <translation>&amp;Retirar la factura…</translation>
    </message>
    <message>
        <source>An invoice accepted by mistake: its files are erased and its folio fiscal may back another payment</source>
        <translation>Una factura aceptada por error: se borran sus archivos y su folio fiscal podrá respaldar otro pago</translation>
    </message>
    <message>
        <source>No invoice attached.</source>
        <translation>Sin factura adjunta.</translation>
    </message>
    <message>
        <source>Folio fiscal %1, of %2, total %3</source>
        <translation>Folio fiscal %1, del %2, total %3</translation>
    </message>
    <message>
        <source>Other total accepted by %1: %2</source>
        <translation>Otro total aceptado por %1: %2</translation>
    </message>
    <message>
        <source>Take back the invoice</source>
        <translation>Retirar la factura</translation>
    </message>
    <message>
        <source>Why was this invoice accepted by mistake?</source>
        <translation>¿Por qué se aceptó esta factura por error?</translation>
    </message>
    <message>
        <source>Provider&apos;s invoice: the XML, and its PDF if you have it</source>
        <translation>Factura del proveedor: el XML y, si lo tiene, su PDF</translation>
    </message>
    <message>
        <source>Invoices (*.xml *.pdf)</source>
        <translation>Facturas (*.xml *.pdf)</translation>
    </message>
    <message>
        <source>Choose the invoice&apos;s XML file (the PDF alone is not the invoice).</source>
        <translation>Elija el archivo XML de la factura (el PDF solo no es la factura).</translation>
    </message>
    <message>
        <source>The file %1 could not be read.</source>
        <translation>No se pudo leer el archivo %1.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Caseworker</source>
        <translation>Capturista</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor(a)</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador(a)</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <source>Other / not stated</source>
        <translation>Otro / no especificado</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Pasaporte</translation>
    </message>
    <message>
        <source>CURP (including temporary)</source>
        <translation>CURP (incluida la temporal)</translation>
    </message>
    <message>
        <source>Humanitarian visitor card (TVRH)</source>
        <translation>Tarjeta de Visitante por Razones Humanitarias (TVRH)</translation>
    </message>
    <message>
        <source>COMAR record</source>
        <translation>Constancia de la COMAR</translation>
    </message>
    <message>
        <source>UNHCR registration</source>
        <translation>Registro de ACNUR</translation>
    </message>
    <message>
        <source>IOM registration</source>
        <translation>Registro de OIM</translation>
    </message>
    <message>
        <source>National ID of country of origin</source>
        <translation>Identificación nacional del país de origen</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Otro documento</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>Sin documento</translation>
    </message>
    <message>
        <source>Unaccompanied minor</source>
        <translation>Niña, niño o adolescente no acompañado</translation>
    </message>
    <message>
        <source>Pregnant</source>
        <translation>Embarazo</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Discapacidad</translation>
    </message>
    <message>
        <source>Survivor of violence</source>
        <translation>Sobreviviente de violencia</translation>
    </message>
    <message>
        <source>Possible trafficking victim</source>
        <translation>Posible víctima de trata</translation>
    </message>
    <message>
        <source>Asylum seeker / refugee</source>
        <translation>Solicitante de refugio / refugiada</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitado</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Autorizado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>International agency</source>
        <translation>Organismo internacional</translation>
    </message>
    <message>
        <source>Civil association / shelter</source>
        <translation>Asociación civil / albergue</translation>
    </message>
    <message>
        <source>Government body</source>
        <translation>Dependencia de gobierno</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Foundation</source>
        <translation>Fundación</translation>
    </message>
    <message>
        <source>Embassy</source>
        <translation>Embajada</translation>
    </message>
    <message>
        <source>Consulate</source>
        <translation>Consulado</translation>
    </message>
    <message>
        <source>Cooperation agency</source>
        <translation>Agencia de cooperación</translation>
    </message>
    <message>
        <source>Municipal government</source>
        <translation>Ayuntamiento / gobierno municipal</translation>
    </message>
    <message>
        <source>Collaboration and resource contribution</source>
        <translation>Colaboración y aportación de recursos</translation>
    </message>
    <message>
        <source>Donation</source>
        <translation>Donación</translation>
    </message>
    <message>
        <source>Coordination</source>
        <translation>Coordinación</translation>
    </message>
    <message>
        <source>Transfer of remains</source>
        <translation>Traslado de restos</translation>
    </message>
    <message>
        <source>Other agreement</source>
        <translation>Otro convenio</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>Concluido</translation>
    </message>
    <message>
        <source>Cancelled agreement</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
    <message>
        <source>Training course</source>
        <translation>Curso de capacitación</translation>
    </message>
    <message>
        <source>Outreach event</source>
        <translation>Evento de difusión</translation>
    </message>
    <message>
        <source>Diagnostic study</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Promotional material</source>
        <translation>Material de difusión</translation>
    </message>
    <message>
        <source>Liaison with an agency or mission</source>
        <translation>Enlace con agencia o representación diplomática</translation>
    </message>
    <message>
        <source>Approach to an embassy or consulate</source>
        <translation>Acercamiento con embajada, consulado u organismo</translation>
    </message>
    <message>
        <source>Attention to special guests</source>
        <translation>Atención a invitados especiales</translation>
    </message>
    <message>
        <source>Liaison meeting</source>
        <translation>Reunión de vinculación</translation>
    </message>
    <message>
        <source>Project follow-up meeting</source>
        <translation>Reunión de seguimiento de proyectos</translation>
    </message>
    <message>
        <source>Project funding request</source>
        <translation>Gestión de financiamiento de proyectos</translation>
    </message>
    <message>
        <source>Municipal mechanism installed</source>
        <translation>Mecanismo municipal instalado</translation>
    </message>
    <message>
        <source>Other action</source>
        <translation>Otra acción</translation>
    </message>
    <message>
        <source>Public officials</source>
        <translation>Servidores públicos</translation>
    </message>
    <message>
        <source>Municipal police</source>
        <translation>Policía municipal</translation>
    </message>
    <message>
        <source>Civil society</source>
        <translation>Sociedad civil</translation>
    </message>
    <message>
        <source>Migrants</source>
        <translation>Personas migrantes</translation>
    </message>
    <message>
        <source>Municipal liaisons</source>
        <translation>Enlaces municipales</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Sin dato</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <source>%1 is %2 days before today. Is it right?</source>
        <translation>El %1 es %2 días antes de hoy. ¿Es correcta la fecha?</translation>
    </message>
    <message>
        <source>&amp;Yes, it is right</source>
        <translation>&amp;Sí, es correcta</translation>
    </message>
    <message>
        <source>&amp;No, correct it</source>
        <translation>&amp;No, corregirla</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Session locked</source>
        <translation>Sesión bloqueada</translation>
    </message>
    <message>
        <source>Frontera Desk was locked to protect the data. %1, type your password.</source>
        <translation>Frontera Desk se bloqueó para proteger los datos. %1, escriba su contraseña.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>&amp;Cambiar de usuario…</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Contraseña incorrecta.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Frontera Desk — %1</source>
        <translation>Frontera Desk — %1</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>Apoyos</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Convenios</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Actividades</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reportes</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>Sesión bloqueada</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New person…</source>
        <translation>&amp;Nueva persona…</translation>
    </message>
    <message>
        <source>&amp;Find person</source>
        <translation>&amp;Buscar persona</translation>
    </message>
    <message>
        <source>&amp;Request support…</source>
        <translation>&amp;Solicitar apoyo…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sesión</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>&amp;Cambiar mi contraseña…</translation>
    </message>
    <message>
        <source>&amp;Sign out / switch user…</source>
        <translation>&amp;Cerrar sesión / cambiar de usuario…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Frontera Desk</source>
        <translation>&amp;Acerca de Frontera Desk</translation>
    </message>
    <message>
        <source>DEMONSTRATION DATA</source>
        <translation>DATOS DE DEMOSTRACIÓN</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <source>UNENCRYPTED DATABASE (development)</source>
        <translation>BASE DE DATOS SIN CIFRAR (desarrollo)</translation>
    </message>
    <message>
        <source>READ-ONLY: nothing is saved</source>
        <translation>SOLO LECTURA: no se guarda nada</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Usuario: %1</translation>
    </message>
    <message>
        <source>Month: %1</source>
        <translation>Mes: %1</translation>
    </message>
    <message>
        <source>Backups: on the server</source>
        <translation>Respaldos: en el servidor</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Sin respaldo todavía</translation>
    </message>
    <message>
        <source>Last backup: today</source>
        <translation>Último respaldo: hoy</translation>
    </message>
    <message numerus="yes">
        <source>Last backup: %n day(s) ago</source>
        <translation>
            <numerusform>Último respaldo: hace %n día</numerusform>
            <numerusform>Último respaldo: hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>Falló el respaldo diario: %1</translation>
    </message>
    <message>
        <source>&amp;Import from a spreadsheet…</source>
        <translation>&amp;Importar desde una hoja de cálculo…</translation>
    </message>
    <message>
        <source>&amp;Export this list to a spreadsheet…</source>
        <translation>&amp;Exportar esta lista a una hoja de cálculo…</translation>
    </message>
    <message>
        <source>Export the &amp;receipts to a spreadsheet…</source>
        <translation>Exportar los &amp;recibos a una hoja de cálculo…</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Exportar la lista</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 rows exported to %2</source>
        <translation>%1 filas exportadas a %2</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Sign out of Frontera Desk? Forms left open are closed without saving.</source>
        <translation>¿Cerrar la sesión de Frontera Desk? Los formularios abiertos se cierran sin guardar.</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Seguir aquí</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language will be used the next time Frontera Desk starts.</source>
        <translation>El nuevo idioma se usará la próxima vez que inicie Frontera Desk.</translation>
    </message>
</context>
<context>
    <name>OfficeCardDialog</name>
    <message>
        <source>Office card</source>
        <translation>Cédula de la oficina</translation>
    </message>
    <message>
        <source>Card saved in %1. Read the fingerprint to headquarters over the phone.</source>
        <translation>Cédula guardada en %1. Dicte la huella a oficinas centrales por teléfono.</translation>
    </message>
    <message>
        <source>Headquarters enrolls this office from its card. Save the card and hand it over; then read the fingerprint to headquarters over the phone, so that they know the card is yours.</source>
        <translation>Oficinas centrales inscribe a esta oficina con su cédula. Guarde la cédula y entréguela; luego dicte la huella por teléfono a oficinas centrales, para que sepan que la cédula es suya.</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Clave:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lugar:</translation>
    </message>
    <message>
        <source>Office UUID:</source>
        <translation>UUID de la oficina:</translation>
    </message>
    <message>
        <source>Public key:</source>
        <translation>Llave pública:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Huella:</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella</translation>
    </message>
    <message>
        <source>&amp;Save card…</source>
        <translation>&amp;Guardar cédula…</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>&amp;Kind *</source>
        <translation>&amp;Tipo *</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>&amp;Name *</source>
        <translation>&amp;Nombre *</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>&amp;Acronym</source>
        <translation>&amp;Siglas</translation>
    </message>
    <message>
        <source>Acronym</source>
        <translation>Siglas</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>&amp;Municipio</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Contacto</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Shelter ca&amp;pacity</source>
        <translation>Ca&amp;pacidad del albergue</translation>
    </message>
    <message>
        <source>Not a shelter</source>
        <translation>No es albergue</translation>
    </message>
    <message>
        <source>Shelter capacity</source>
        <translation>Capacidad del albergue</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>OrganizationsDialog</name>
    <message>
        <source>Organizations</source>
        <translation>Organizaciones</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Acronym</source>
        <translation>Siglas</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nueva…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>Contraseña &amp;actual</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>Contraseña &amp;nueva</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Repita la contraseña</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Guardar PDF…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
</context>
<context>
    <name>PendingEvidenceDialog</name>
    <message>
        <source>Delivered with evidence pending</source>
        <translation>Entregados con expediente incompleto</translation>
    </message>
    <message>
        <source>Supports with evidence pending</source>
        <translation>Apoyos con expediente incompleto</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Núm.</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Persona beneficiaria</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Faltan</translation>
    </message>
    <message>
        <source>Double-click a support to open its evidence file.</source>
        <translation>Haga doble clic en un apoyo para abrir su expediente.</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Search by name or document number (Ctrl+F)…</source>
        <translation>Buscar por nombre o número de documento (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Buscar personas</translation>
    </message>
    <message>
        <source>&amp;New person</source>
        <translation>&amp;Nueva persona</translation>
    </message>
    <message>
        <source>Register a person (Ctrl+N)</source>
        <translation>Registrar a una persona (Ctrl+N)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Request &amp;support</source>
        <translation>Solicitar &amp;apoyo</translation>
    </message>
    <message>
        <source>Register household &amp;member</source>
        <translation>Registrar &amp;integrante del hogar</translation>
    </message>
    <message>
        <source>E&amp;xport data…</source>
        <translation>E&amp;xportar datos…</translation>
    </message>
    <message>
        <source>Everything held about the person, for them (PDF or JSON)</source>
        <translation>Todo lo registrado sobre la persona, para entregárselo (PDF o JSON)</translation>
    </message>
    <message>
        <source>Anon&amp;ymize…</source>
        <translation>Anoni&amp;mizar…</translation>
    </message>
    <message>
        <source>Supports given to this person:</source>
        <translation>Apoyos otorgados a esta persona:</translation>
    </message>
    <message>
        <source>Supports of the person</source>
        <translation>Apoyos de la persona</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln persona</numerusform>
            <numerusform>%Ln personas</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a person in the list to see their file.</source>
        <translation>Elija a una persona de la lista para ver su expediente.</translation>
    </message>
    <message>
        <source>approximate age %1</source>
        <translation>edad aproximada: %1</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 años</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Expediente</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Staying at</source>
        <translation>Se aloja en</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n integrante</numerusform>
            <numerusform>%n integrantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dependent(s)</source>
        <translation>
            <numerusform>%n dependiente</numerusform>
            <numerusform>%n dependientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Registered in the household</source>
        <translation>Registrados en el hogar</translation>
    </message>
    <message>
        <source>Vulnerability</source>
        <translation>Vulnerabilidad</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observaciones</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>sin registro</translation>
    </message>
    <message>
        <source>could not be asked (imported) — ask at the next visit</source>
        <translation>no se pudo preguntar (importada): pregúntele en su próxima visita</translation>
    </message>
    <message>
        <source>given on %1</source>
        <translation>otorgado el %1</translation>
    </message>
    <message>
        <source>refused on %1</source>
        <translation>negado el %1</translation>
    </message>
    <message>
        <source>Privacy consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation>Importada de</translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation>Anonimizada</translation>
    </message>
    <message>
        <source>personal data removed</source>
        <translation>datos personales eliminados</translation>
    </message>
    <message>
        <source>Nobody matches «%1».</source>
        <translation>Nadie coincide con «%1».</translation>
    </message>
    <message>
        <source>Nobody is registered yet.</source>
        <translation>Todavía no hay personas registradas.</translation>
    </message>
    <message>
        <source>Register a new person?</source>
        <translation>¿Registrar a una persona nueva?</translation>
    </message>
    <message>
        <source>Export the person&apos;s data</source>
        <translation>Exportar los datos de la persona</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;JSON (*.json)</source>
        <translation>PDF (*.pdf);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Anonymize %1</source>
        <translation>Anonimizar a %1</translation>
    </message>
    <message>
        <source>Names, documents, contact and notes will be removed for good; the totals are kept. Reason (for example, the person asked for it):</source>
        <translation>Se eliminarán para siempre los nombres, documentos, contacto y observaciones; los totales se conservan. Motivo (por ejemplo, la persona lo pidió):</translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation>Anonimizar</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Sin dato</translation>
    </message>
    <message>
        <source>— ask the person and choose —</source>
        <translation>— pregunte a la persona y elija —</translation>
    </message>
    <message>
        <source>Consents to the use of their data</source>
        <translation>Otorga su consentimiento</translation>
    </message>
    <message>
        <source>Refuses</source>
        <translation>Lo niega</translation>
    </message>
    <message>
        <source>Could not be asked</source>
        <translation>No se le pudo preguntar</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Edit person — %1</source>
        <translation>Editar persona — %1</translation>
    </message>
    <message>
        <source>Member of the household of %1</source>
        <translation>Integrante del hogar de %1</translation>
    </message>
    <message>
        <source>Register a person</source>
        <translation>Registrar a una persona</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Tipo de documento</translation>
    </message>
    <message>
        <source>Date of birth: type it, or tick Unknown and give the approximate age.</source>
        <translation>Fecha de nacimiento: escríbala, o marque «Desconocida» y anote la edad aproximada.</translation>
    </message>
    <message>
        <source>Privacy notice: record the person&apos;s answer (or that they could not be asked).</source>
        <translation>Aviso de privacidad: registre la respuesta de la persona (o que no se le pudo preguntar).</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>This person may already be registered:</source>
        <translation>Es posible que esta persona ya esté registrada:</translation>
    </message>
    <message>
        <source>&amp;Open the existing record</source>
        <translation>&amp;Abrir el registro existente</translation>
    </message>
    <message>
        <source>It is another person: &amp;save</source>
        <translation>Es otra persona: &amp;guardar</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Volver</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>&amp;Identity</source>
        <translation>&amp;Identidad</translation>
    </message>
    <message>
        <source>&amp;Given names *</source>
        <translation>&amp;Nombre(s) *</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Nombre(s)</translation>
    </message>
    <message>
        <source>All given names, as written in the person&apos;s document</source>
        <translation>Todos los nombres, como aparecen en el documento de la persona</translation>
    </message>
    <message>
        <source>&amp;First surname *</source>
        <translation>&amp;Primer apellido *</translation>
    </message>
    <message>
        <source>First surname</source>
        <translation>Primer apellido</translation>
    </message>
    <message>
        <source>S&amp;econd surname</source>
        <translation>S&amp;egundo apellido</translation>
    </message>
    <message>
        <source>Second surname</source>
        <translation>Segundo apellido</translation>
    </message>
    <message>
        <source>Leave empty if the person has only one surname</source>
        <translation>Déjelo vacío si la persona tiene un solo apellido</translation>
    </message>
    <message>
        <source>Se&amp;x *</source>
        <translation>Se&amp;xo *</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>&amp;Date of birth *</source>
        <translation>&amp;Fecha de nacimiento *</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>&amp;Unknown; approximate age:</source>
        <translation>&amp;Se desconoce; edad aproximada:</translation>
    </message>
    <message>
        <source>Use when the person does not know or cannot prove the date of birth</source>
        <translation>Úselo cuando la persona no sepa o no pueda acreditar su fecha de nacimiento</translation>
    </message>
    <message>
        <source> years</source>
        <translation> años</translation>
    </message>
    <message>
        <source>Approximate age</source>
        <translation>Edad aproximada</translation>
    </message>
    <message>
        <source>&amp;Nationality</source>
        <translation>Na&amp;cionalidad</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Type to search the list of countries</source>
        <translation>Escriba para buscar en la lista de países</translation>
    </message>
    <message>
        <source>Identity &amp;documents</source>
        <translation>&amp;Documentos de identidad</translation>
    </message>
    <message>
        <source>Identity documents</source>
        <translation>Documentos de identidad</translation>
    </message>
    <message>
        <source>CURP is never required. Add every document the person shows.</source>
        <translation>La CURP nunca es obligatoria. Agregue cada documento que presente la persona.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Emitido por</translation>
    </message>
    <message>
        <source>&amp;Add document</source>
        <translation>&amp;Agregar documento</translation>
    </message>
    <message>
        <source>&amp;Remove document</source>
        <translation>&amp;Quitar documento</translation>
    </message>
    <message>
        <source>Pri&amp;vacy notice *</source>
        <translation>A&amp;viso de privacidad *</translation>
    </message>
    <message>
        <source>Answer to the privacy notice</source>
        <translation>Respuesta al aviso de privacidad</translation>
    </message>
    <message>
        <source>Read or give the notice (its tab) to the person, then record their answer</source>
        <translation>Lea o entregue el aviso (en su pestaña) a la persona y registre su respuesta</translation>
    </message>
    <message>
        <source>&amp;Situation</source>
        <translation>&amp;Situación</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>&amp;Staying at</source>
        <translation>Se &amp;aloja en</translation>
    </message>
    <message>
        <source>Staying at</source>
        <translation>Se aloja en</translation>
    </message>
    <message>
        <source>Shelter, hotel or address where the person is staying</source>
        <translation>Albergue, hotel o domicilio donde se aloja la persona</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <source>Head of a new household</source>
        <translation>Titular de un hogar nuevo</translation>
    </message>
    <message>
        <source>Household &amp;members</source>
        <translation>&amp;Integrantes del hogar</translation>
    </message>
    <message>
        <source>Household members</source>
        <translation>Integrantes del hogar</translation>
    </message>
    <message>
        <source>Including the person being registered</source>
        <translation>Incluida la persona que se registra</translation>
    </message>
    <message>
        <source>D&amp;ependents</source>
        <translation>&amp;Dependientes económicos</translation>
    </message>
    <message>
        <source>Dependents</source>
        <translation>Dependientes económicos</translation>
    </message>
    <message>
        <source>Vulnerability</source>
        <translation>Vulnerabilidad</translation>
    </message>
    <message>
        <source>Unaccompanied minor</source>
        <translation>Niña, niño o adolescente no acompañado</translation>
    </message>
    <message>
        <source>Pregnant</source>
        <translation>Embarazo</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Discapacidad</translation>
    </message>
    <message>
        <source>Survivor of violence</source>
        <translation>Sobreviviente de violencia</translation>
    </message>
    <message>
        <source>Possible trafficking victim</source>
        <translation>Posible víctima de trata</translation>
    </message>
    <message>
        <source>Asylum seeker / refugee</source>
        <translation>Solicitante de refugio / refugiada</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Observaciones</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observaciones</translation>
    </message>
    <message>
        <source>&amp;Privacy notice</source>
        <translation>Aviso de &amp;privacidad</translation>
    </message>
    <message>
        <source>Read or give this notice to the person before recording their data, and record their answer.</source>
        <translation>Lea o entregue este aviso a la persona antes de registrar sus datos, y registre su respuesta.</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>Aviso de privacidad</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>PersonPickerDialog</name>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Elegir</translation>
    </message>
    <message>
        <source>Choose a person</source>
        <translation>Elegir a una persona</translation>
    </message>
    <message>
        <source>Search by name or document number…</source>
        <translation>Buscar por nombre o número de documento…</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Buscar personas</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Personas encontradas</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Año:</translation>
    </message>
    <message>
        <source>Annual budget: supports delivered count against their type; disbursements of agreements count against the agreement&apos;s funding source. Every type or source that spent in the year is listed, so the total spent is the year&apos;s spending; lines spent beyond their budget are shown in red.</source>
        <translation>Presupuesto anual: los apoyos entregados cuentan contra su tipo; las ministraciones de los convenios, contra la fuente de financiamiento del convenio. Se lista todo tipo o fuente que gastó en el año, así que el total ejercido es el gasto del año; las partidas que gastaron más que su presupuesto se ven en rojo.</translation>
    </message>
    <message>
        <source>Budget line</source>
        <translation>Partida</translation>
    </message>
    <message>
        <source>Annual budget</source>
        <translation>Presupuesto anual</translation>
    </message>
    <message>
        <source>Spent in the year</source>
        <translation>Ejercido en el año</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>&amp;Add funding source</source>
        <translation>&amp;Agregar fuente de financiamiento</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Annual target</source>
        <translation>Meta anual</translation>
    </message>
    <message>
        <source>&amp;Save budget and targets</source>
        <translation>&amp;Guardar presupuesto y metas</translation>
    </message>
    <message>
        <source>Agreements with no funding source</source>
        <translation>Convenios sin fuente de financiamiento</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Spent beyond the budget: %1.</source>
        <translation>Sobreejercido: %1.</translation>
    </message>
    <message>
        <source>Spent beyond its budget</source>
        <translation>Gastó más que su presupuesto</translation>
    </message>
    <message>
        <source>Funding source, as written in the agreements</source>
        <translation>Fuente de financiamiento, tal como se escribe en los convenios</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Budget and targets of %1 saved.</source>
        <translation>Presupuesto y metas de %1 guardados.</translation>
    </message>
</context>
<context>
    <name>ProgramsTab</name>
    <message>
        <source>The program that pays each type of support and its budget line (partida) are printed on its receipts, reprints included.</source>
        <translation>El programa que paga cada tipo de apoyo y su partida presupuestal se imprimen en sus recibos, también en las reimpresiones.</translation>
    </message>
    <message>
        <source>Programs and budget lines</source>
        <translation>Programas y partidas</translation>
    </message>
    <message>
        <source>Support type</source>
        <translation>Tipo de apoyo</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Budget line</source>
        <translation>Partida</translation>
    </message>
    <message>
        <source>&amp;Save programs</source>
        <translation>&amp;Guardar programas</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>ReceiptPreview</name>
    <message numerus="yes">
        <source>%n receipt(s)</source>
        <translation>
            <numerusform>%n recibo</numerusform>
            <numerusform>%n recibos</numerusform>
        </translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Recibo %1</translation>
    </message>
    <message>
        <source>Preparing receipts…</source>
        <translation>Preparando recibos…</translation>
    </message>
</context>
<context>
    <name>ReceiptSearchDialog</name>
    <message>
        <source>Cancelled: %1</source>
        <translation>Cancelado: %1</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Adjunta</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Falta</translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s)</source>
        <translation>
            <numerusform>%n recibo</numerusform>
            <numerusform>%n recibos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest %n receipts: narrow the search to see others</source>
        <translation>
            <numerusform>El recibo más reciente: precise la búsqueda para ver otros</numerusform>
            <numerusform>Los %n recibos más recientes: precise la búsqueda para ver otros</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the one receipt whose signed copy you attach.</source>
        <translation>Seleccione el recibo (uno solo) cuya copia firmada va a adjuntar.</translation>
    </message>
    <message>
        <source>Signed copy of %1</source>
        <translation>Copia firmada de %1</translation>
    </message>
    <message>
        <source>Scans and photos (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Escaneos y fotos (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>Attaching %1…</source>
        <translation>Adjuntando %1…</translation>
    </message>
    <message>
        <source>Signed copy of %1 attached; its QR code matches the receipt.</source>
        <translation>Copia firmada de %1 adjunta; su código QR coincide con el recibo.</translation>
    </message>
    <message>
        <source>Signed copy of %1 attached (its QR code could not be read).</source>
        <translation>Copia firmada de %1 adjunta (no se pudo leer su código QR).</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Recibos</translation>
    </message>
    <message>
        <source>Folio or beneficiary…</source>
        <translation>Folio o persona beneficiaria…</translation>
    </message>
    <message>
        <source>Search receipts</source>
        <translation>Buscar recibos</translation>
    </message>
    <message>
        <source>Only the &amp;day</source>
        <translation>Solo el &amp;día</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Receipts found</source>
        <translation>Recibos encontrados</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Folio</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Persona beneficiaria</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Signed copy</source>
        <translation>Copia firmada</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>&amp;View or print…</source>
        <translation>&amp;Ver o imprimir…</translation>
    </message>
    <message>
        <source>Print &amp;all shown…</source>
        <translation>Imprimir &amp;todos los mostrados…</translation>
    </message>
    <message>
        <source>Attach &amp;signed copy…</source>
        <translation>Adjuntar copia &amp;firmada…</translation>
    </message>
    <message>
        <source>Attach the scan or photo of the receipt as the beneficiary signed it</source>
        <translation>Adjuntar el escaneo o la foto del recibo con la firma o huella de la persona beneficiaria</translation>
    </message>
    <message>
        <source>&amp;Verify a code…</source>
        <translation>&amp;Verificar un código…</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Office recovery code</source>
        <translation>Código de recuperación de la oficina</translation>
    </message>
    <message>
        <source>This code opens the office database if every administrator password is lost. It is shown only this once: print it or write it down and keep it locked away, apart from this computer.</source>
        <translation>Este código abre la base de datos de la oficina si se pierden todas las contraseñas de administración. Se muestra solo esta vez: imprímalo o anótelo y guárdelo bajo llave, lejos de este equipo.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>C&amp;opiar</translation>
    </message>
    <message>
        <source>I have &amp;printed or written down the code and will keep it safe</source>
        <translation>Ya &amp;imprimí o anoté el código y lo guardaré en un lugar seguro</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover access</source>
        <translation>Recuperar el acceso</translation>
    </message>
    <message>
        <source>Type the office recovery code (printed when the office was set up) and choose a new password for an account.</source>
        <translation>Escriba el código de recuperación de la oficina (impreso al configurarla) y elija una contraseña nueva para una cuenta.</translation>
    </message>
    <message>
        <source>Recovery &amp;code</source>
        <translation>&amp;Código de recuperación</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>Contraseña &amp;nueva</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Repita la contraseña</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>%1 (so far)</source>
        <translation>%1 (en curso)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Reporte</translation>
    </message>
    <message>
        <source>Monthly summary</source>
        <translation>Resumen mensual</translation>
    </message>
    <message>
        <source>Year report</source>
        <translation>Informe anual</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>&amp;Close month</source>
        <translation>&amp;Cerrar mes</translation>
    </message>
    <message>
        <source>&amp;Reopen month…</source>
        <translation>&amp;Reabrir mes…</translation>
    </message>
    <message>
        <source>Re&amp;port:</source>
        <translation>Re&amp;porte:</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Mes:</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Guardar &amp;PDF…</translation>
    </message>
    <message>
        <source>Save &amp;XLSX…</source>
        <translation>Guardar &amp;XLSX…</translation>
    </message>
    <message>
        <source>Save &amp;JSON…</source>
        <translation>Guardar &amp;JSON…</translation>
    </message>
    <message>
        <source>Save &amp;DOCX…</source>
        <translation>Guardar &amp;DOCX…</translation>
    </message>
    <message>
        <source>The year report, editable in a word processor</source>
        <translation>El informe anual, editable en un procesador de textos</translation>
    </message>
    <message>
        <source>Monthly &amp;package for headquarters…</source>
        <translation>&amp;Paquete mensual para oficinas centrales…</translation>
    </message>
    <message>
        <source>&amp;Import packages…</source>
        <translation>&amp;Importar paquetes…</translation>
    </message>
    <message>
        <source>Office &amp;card…</source>
        <translation>&amp;Cédula de la oficina…</translation>
    </message>
    <message>
        <source>Who this office is and its public key, for headquarters to enroll it</source>
        <translation>Quién es esta oficina y su llave pública, para que oficinas centrales la inscriba</translation>
    </message>
    <message>
        <source>&amp;Enroll office…</source>
        <translation>&amp;Inscribir oficina…</translation>
    </message>
    <message>
        <source>Enroll an office from its card (.oficina)</source>
        <translation>Inscribir una oficina con su cédula (.oficina)</translation>
    </message>
    <message>
        <source>Summary preview</source>
        <translation>Vista previa del resumen</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Oficina</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reabierto</translation>
    </message>
    <message>
        <source>Reason for reopening</source>
        <translation>Motivo de la reapertura</translation>
    </message>
    <message>
        <source>Revisions of the month</source>
        <translation>Revisiones del mes</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella</translation>
    </message>
    <message>
        <source>Last package</source>
        <translation>Último paquete</translation>
    </message>
    <message>
        <source>Months missing</source>
        <translation>Meses faltantes</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Paquetes</translation>
    </message>
    <message>
        <source>Enrolled offices</source>
        <translation>Oficinas inscritas</translation>
    </message>
    <message>
        <source>Files received</source>
        <translation>Archivos recibidos</translation>
    </message>
    <message>
        <source>Closed — revision %1</source>
        <translation>Cerrado — revisión %1</translation>
    </message>
    <message>
        <source>Building the year report…</source>
        <translation>Preparando el informe anual…</translation>
    </message>
    <message>
        <source>Save summary</source>
        <translation>Guardar resumen</translation>
    </message>
    <message>
        <source>Summary saved: %1</source>
        <translation>Resumen guardado: %1</translation>
    </message>
    <message>
        <source>Save year report</source>
        <translation>Guardar informe anual</translation>
    </message>
    <message>
        <source>Year report saved: %1</source>
        <translation>Informe anual guardado: %1</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reportes</translation>
    </message>
    <message numerus="yes">
        <source>%n support(s) delivered in the month still lack required documents in their evidence file; the summary counts them. Close anyway?</source>
        <translation>
            <numerusform>%n apoyo entregado en el mes aún no tiene todos los documentos requeridos en su expediente; el resumen lo cuenta. ¿Cerrar de todos modos?</numerusform>
            <numerusform>%n apoyos entregados en el mes aún no tienen todos los documentos requeridos en su expediente; el resumen los cuenta. ¿Cerrar de todos modos?</numerusform>
        </translation>
    </message>
    <message>
        <source>Close month</source>
        <translation>Cerrar mes</translation>
    </message>
    <message>
        <source>Close %1? Supports, receipts, disbursements and activities dated in it can no longer be recorded or changed until a supervisor reopens it.</source>
        <translation>¿Cerrar %1? Ya no se podrán registrar ni modificar apoyos, recibos, ministraciones ni actividades con fecha en ese mes hasta que un(a) supervisor(a) lo reabra.</translation>
    </message>
    <message>
        <source>Closing the month…</source>
        <translation>Cerrando el mes…</translation>
    </message>
    <message>
        <source>Reopen month</source>
        <translation>Reabrir mes</translation>
    </message>
    <message>
        <source>Why must %1 be reopened? (recorded in the audit log)</source>
        <translation>¿Por qué se debe reabrir %1? (queda en la bitácora)</translation>
    </message>
    <message>
        <source>Reopened — preliminary; the next closing makes revision %1</source>
        <translation>Reabierto — preliminar; el próximo cierre será la revisión %1</translation>
    </message>
    <message>
        <source>Open — preliminary figures</source>
        <translation>Abierto — cifras preliminares</translation>
    </message>
    <message>
        <source>Reopening %1 also reopens the later closed months of the year: %2. Each gets a new revision when closed again.</source>
        <translation>Reabrir %1 reabre también los meses posteriores cerrados del año: %2. Cada uno tendrá una revisión nueva al cerrarse otra vez.</translation>
    </message>
    <message>
        <source>Monthly package for headquarters</source>
        <translation>Paquete mensual para oficinas centrales</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>Escribiendo el paquete…</translation>
    </message>
    <message>
        <source>Package written: %1. Send it to headquarters.</source>
        <translation>Paquete escrito: %1. Envíelo a oficinas centrales.</translation>
    </message>
    <message>
        <source>Import monthly packages</source>
        <translation>Importar paquetes mensuales</translation>
    </message>
    <message>
        <source>Importing packages…</source>
        <translation>Importando paquetes…</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Rechazado: %1</translation>
    </message>
    <message>
        <source>Office card</source>
        <translation>Cédula de la oficina</translation>
    </message>
    <message>
        <source>Enroll office</source>
        <translation>Inscribir oficina</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message numerus="yes">
        <source>%n office(s) received for this month</source>
        <translation>
            <numerusform>%n oficina recibida en este mes</numerusform>
            <numerusform>%n oficinas recibidas en este mes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar un respaldo</translation>
    </message>
    <message>
        <source>Choose a backup and sign in as an administrator of the office in this folder (an empty folder: with an account of the backup). The backup is checked first; the current database is kept aside, not deleted.</source>
        <translation>Elija un respaldo e inicie sesión como administrador de la oficina de esta carpeta (en una carpeta vacía: con una cuenta del respaldo). Primero se verifica el respaldo; la base de datos actual se guarda aparte, no se borra.</translation>
    </message>
    <message>
        <source>&amp;Backup</source>
        <translation>&amp;Respaldo</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Archivo de respaldo</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Office &amp;code to replace</source>
        <translation>&amp;Clave de la oficina que se reemplaza</translation>
    </message>
    <message>
        <source>Code of the office to replace</source>
        <translation>Clave de la oficina que se reemplaza</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>&amp;Create office</source>
        <translation>&amp;Crear oficina</translation>
    </message>
    <message>
        <source>Set up this office</source>
        <translation>Configurar esta oficina</translation>
    </message>
    <message>
        <source>This data folder is empty. Enter the office this computer belongs to and create its first administrator account. The office code appears on every record and receipt number and cannot be changed later. The place, address and header are printed on receipts and certificates; the administrator can change them later in Administración.</source>
        <translation>Esta carpeta de datos está vacía. Indique la oficina a la que pertenece este equipo y cree su primera cuenta de administración. La clave de la oficina aparece en cada registro y folio de recibo y no se puede cambiar después. El lugar, el domicilio y el encabezado se imprimen en recibos y constancias; la administración puede cambiarlos después en Administración.</translation>
    </message>
    <message>
        <source>Office &amp;code *</source>
        <translation>&amp;Clave de oficina *</translation>
    </message>
    <message>
        <source>Office code</source>
        <translation>Clave de oficina</translation>
    </message>
    <message>
        <source>2 to 6 letters, for example TAP for Tapachula</source>
        <translation>De 2 a 6 letras, por ejemplo TAP para Tapachula</translation>
    </message>
    <message>
        <source>Office &amp;name *</source>
        <translation>&amp;Nombre de la oficina *</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Nombre de la oficina</translation>
    </message>
    <message>
        <source>&amp;Place *</source>
        <translation>&amp;Lugar *</translation>
    </message>
    <message>
        <source>Place of issue</source>
        <translation>Lugar de expedición</translation>
    </message>
    <message>
        <source>Town and state printed on receipts and certificates, for example Arriaga, Chiapas</source>
        <translation>Municipio y estado que se imprimen en recibos y constancias, por ejemplo Arriaga, Chiapas</translation>
    </message>
    <message>
        <source>Office a&amp;ddress</source>
        <translation>Do&amp;micilio de la oficina</translation>
    </message>
    <message>
        <source>Office address</source>
        <translation>Domicilio de la oficina</translation>
    </message>
    <message>
        <source>Street, number, neighbourhood, town and postal code, printed on receipts and certificates</source>
        <translation>Calle, número, colonia, municipio y código postal; se imprime en recibos y constancias</translation>
    </message>
    <message>
        <source>&amp;Government</source>
        <translation>&amp;Gobierno</translation>
    </message>
    <message>
        <source>Government in the header</source>
        <translation>Gobierno en el encabezado</translation>
    </message>
    <message>
        <source>First line of the header of receipts and certificates</source>
        <translation>Primera línea del encabezado de recibos y constancias</translation>
    </message>
    <message>
        <source>U&amp;nit</source>
        <translation>&amp;Dependencia</translation>
    </message>
    <message>
        <source>Unit in the header</source>
        <translation>Dependencia en el encabezado</translation>
    </message>
    <message>
        <source>The secretariat or unit the office belongs to, second line of the header</source>
        <translation>La secretaría o unidad a la que pertenece la oficina; segunda línea del encabezado</translation>
    </message>
    <message>
        <source>Certificates si&amp;gned by</source>
        <translation>Constancias: &amp;firma</translation>
    </message>
    <message>
        <source>Official who signs certificates</source>
        <translation>Servidor(a) público(a) que firma las constancias</translation>
    </message>
    <message>
        <source>Name of the official who signs participation certificates; can be changed for each activity</source>
        <translation>Nombre de quien firma las constancias de participación; se puede cambiar en cada actividad</translation>
    </message>
    <message>
        <source>Their &amp;job title</source>
        <translation>Ca&amp;rgo de quien firma</translation>
    </message>
    <message>
        <source>Job title of the official who signs certificates</source>
        <translation>Cargo de quien firma las constancias</translation>
    </message>
    <message>
        <source>Administrator &amp;user *</source>
        <translation>&amp;Usuario administrador *</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>Usuario administrador</translation>
    </message>
    <message>
        <source>Administrator &amp;full name *</source>
        <translation>Nombre &amp;completo del administrador *</translation>
    </message>
    <message>
        <source>Administrator full name</source>
        <translation>Nombre completo del administrador</translation>
    </message>
    <message>
        <source>&amp;Password *</source>
        <translation>&amp;Contraseña *</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat password *</source>
        <translation>&amp;Repita la contraseña *</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Entrar</translation>
    </message>
    <message>
        <source>Frontera Desk</source>
        <translation>Frontera Desk</translation>
    </message>
    <message>
        <source>Sign in — Frontera Desk</source>
        <translation>Iniciar sesión — Frontera Desk</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>I &amp;forgot my password (recovery code)…</source>
        <translation>&amp;Olvidé mi contraseña (código de recuperación)…</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Approve support</source>
        <translation>Autorizar apoyo</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Autorizar</translation>
    </message>
    <message>
        <source>Reject support</source>
        <translation>Rechazar apoyo</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Rechazar</translation>
    </message>
    <message>
        <source>Record delivery</source>
        <translation>Registrar entrega</translation>
    </message>
    <message>
        <source>&amp;Delivered</source>
        <translation>&amp;Entregado</translation>
    </message>
    <message>
        <source>Cancel support</source>
        <translation>Cancelar apoyo</translation>
    </message>
    <message>
        <source>Cancel &amp;support</source>
        <translation>Cancelar &amp;apoyo</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>requested on %1</source>
        <translation>solicitado el %1</translation>
    </message>
    <message>
        <source>Exceeds: %1</source>
        <translation>Rebasa: %1</translation>
    </message>
    <message>
        <source>Requester&apos;s justification: %1</source>
        <translation>Justificación de quien lo solicitó: %1</translation>
    </message>
    <message>
        <source>Override &amp;reason *</source>
        <translation>&amp;Motivo para autorizarlo *</translation>
    </message>
    <message>
        <source>Why it is authorized above the ceiling or limit</source>
        <translation>Por qué se autoriza por encima del tope o del límite</translation>
    </message>
    <message>
        <source>Documents not received: %1</source>
        <translation>Documentos no recibidos: %1</translation>
    </message>
    <message>
        <source>&amp;Reason to deliver without them *</source>
        <translation>&amp;Motivo para entregar sin ellos *</translation>
    </message>
    <message>
        <source>Recorded in the support and the audit log</source>
        <translation>Queda en el apoyo y en la bitácora</translation>
    </message>
    <message>
        <source>&amp;Reason *</source>
        <translation>&amp;Motivo *</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>&amp;Proveedor</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>SupportDialog</name>
    <message>
        <source>&amp;Request</source>
        <translation>&amp;Solicitar</translation>
    </message>
    <message>
        <source>&amp;Justification</source>
        <translation>&amp;Justificación</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Justificación</translation>
    </message>
    <message>
        <source>Only above the ceiling or the limit: why it is needed (a supervisor decides)</source>
        <translation>Solo por encima del tope o del límite: por qué se necesita (decide un(a) supervisor(a))</translation>
    </message>
    <message>
        <source>Ceiling: %1</source>
        <translation>Tope: %1</translation>
    </message>
    <message>
        <source>Limit: %1</source>
        <translation>Límite: %1</translation>
    </message>
    <message>
        <source>Required documents: %1</source>
        <translation>Documentos requeridos: %1</translation>
    </message>
    <message>
        <source>Write the reason to authorize it.</source>
        <translation>Escriba el motivo para autorizarlo.</translation>
    </message>
    <message>
        <source>Request a support</source>
        <translation>Solicitar un apoyo</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Persona beneficiaria</translation>
    </message>
    <message>
        <source>Support &amp;type *</source>
        <translation>&amp;Tipo de apoyo *</translation>
    </message>
    <message>
        <source>Support type</source>
        <translation>Tipo de apoyo</translation>
    </message>
    <message>
        <source>&amp;Description *</source>
        <translation>&amp;Descripción *</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>What exactly is paid or bought, as it will print on the receipt</source>
        <translation>Qué se paga o se compra exactamente, tal como se imprimirá en el recibo</translation>
    </message>
    <message>
        <source>&amp;Amount (MXN) *</source>
        <translation>&amp;Importe (MXN) *</translation>
    </message>
    <message>
        <source>Amount in pesos</source>
        <translation>Importe en pesos</translation>
    </message>
    <message>
        <source>Amount in Mexican pesos, for example 1,250.50</source>
        <translation>Importe en pesos mexicanos, por ejemplo 1,250.50</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>&amp;Proveedor</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>&amp;Request date</source>
        <translation>&amp;Fecha de solicitud</translation>
    </message>
    <message>
        <source>Request date</source>
        <translation>Fecha de solicitud</translation>
    </message>
    <message>
        <source>&amp;Override reason</source>
        <translation>&amp;Motivo de autorización especial</translation>
    </message>
    <message>
        <source>Only above the ceiling or the limit; a supervisor must authorize</source>
        <translation>Solo si rebasa el tope o el límite; debe autorizarlo un(a) supervisor(a)</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Motivo de autorización especial</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>SupportFileDialog</name>
    <message>
        <source>Evidence file of support no. %1</source>
        <translation>Expediente del apoyo núm. %1</translation>
    </message>
</context>
<context>
    <name>SupportFileWidget</name>
    <message>
        <source>Required documents</source>
        <translation>Documentos requeridos</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Recibió</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation>&amp;Nota…</translation>
    </message>
    <message>
        <source>Mark &amp;all received</source>
        <translation>Marcar &amp;todos recibidos</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Archivos adjuntos</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Kept with</source>
        <translation>Guardado en</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Adjuntado</translation>
    </message>
    <message>
        <source>Document the file is</source>
        <translation>Documento que es el archivo</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>&amp;Adjuntar…</translation>
    </message>
    <message>
        <source>Or drop the files on this window</source>
        <translation>O suelte los archivos en esta ventana</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>A&amp;brir</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Retirar…</translation>
    </message>
    <message>
        <source>&amp;Is:</source>
        <translation>&amp;Es:</translation>
    </message>
    <message>
        <source>Drop scans, photos, PDFs or invoices (XML) here.</source>
        <translation>Suelte aquí escaneos, fotos, PDF o facturas (XML).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Files of the support and of the person&lt;/b&gt;</source>
        <translation>&lt;b&gt;Archivos del apoyo y de la persona&lt;/b&gt;</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>completo</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) pending</source>
        <translation>
            <numerusform>%n documento pendiente</numerusform>
            <numerusform>%n documentos pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Evidence file: %1</source>
        <translation>Expediente: %1</translation>
    </message>
    <message>
        <source>Identification (kept with the person)</source>
        <translation>Identificación (se guarda con la persona)</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Otro documento</translation>
    </message>
    <message>
        <source>support</source>
        <translation>apoyo</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>recibo</translation>
    </message>
    <message>
        <source>person</source>
        <translation>persona</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Identificación</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Invoice (XML)</source>
        <translation>Factura (XML)</translation>
    </message>
    <message>
        <source>Invoice (PDF)</source>
        <translation>Factura (PDF)</translation>
    </message>
    <message>
        <source>Signed receipt</source>
        <translation>Recibo firmado</translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation>Expediente</translation>
    </message>
    <message>
        <source>Note on «%1»:</source>
        <translation>Nota sobre «%1»:</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Retirar archivo</translation>
    </message>
    <message>
        <source>The file is erased; its name and who attached and removed it stay in the record. Reason:</source>
        <translation>El archivo se borra; su nombre y quién lo adjuntó y lo retiró quedan en el registro. Motivo:</translation>
    </message>
</context>
<context>
    <name>SupportsPage</name>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Support type</source>
        <translation>Tipo de apoyo</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>Todos los meses</translation>
    </message>
    <message>
        <source>Beneficiary or description…</source>
        <translation>Persona beneficiaria o descripción…</translation>
    </message>
    <message>
        <source>Search supports</source>
        <translation>Buscar apoyos</translation>
    </message>
    <message>
        <source>&amp;Request support…</source>
        <translation>&amp;Solicitar apoyo…</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Autorizar…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>Re&amp;chazar…</translation>
    </message>
    <message>
        <source>Mark as &amp;delivered…</source>
        <translation>Registrar &amp;entrega…</translation>
    </message>
    <message>
        <source>&amp;Cancel support…</source>
        <translation>Ca&amp;ncelar apoyo…</translation>
    </message>
    <message>
        <source>Recei&amp;pt…</source>
        <translation>Reci&amp;bo…</translation>
    </message>
    <message>
        <source>Preview, print or reprint the receipt (Ctrl+P)</source>
        <translation>Ver, imprimir o reimprimir el recibo (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Void receipt…</source>
        <translation>Cancelar reci&amp;bo…</translation>
    </message>
    <message>
        <source>Evidence &amp;file…</source>
        <translation>E&amp;xpediente…</translation>
    </message>
    <message>
        <source>Required documents received, scans and invoices of the support</source>
        <translation>Documentos requeridos recibidos, escaneos y facturas del apoyo</translation>
    </message>
    <message>
        <source>Receipts &amp;list…</source>
        <translation>&amp;Lista de recibos…</translation>
    </message>
    <message>
        <source>Find receipts by folio, person or day; print a day&apos;s batch</source>
        <translation>Buscar recibos por folio, persona o día; imprimir los del día</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>Apoyos</translation>
    </message>
    <message>
        <source>Voided receipt</source>
        <translation>Recibo cancelado</translation>
    </message>
    <message>
        <source>%1 — voided on %2 by %3: %4</source>
        <translation>%1 — cancelado el %2 por %3: %4</translation>
    </message>
    <message>
        <source>The folio is kept and marked CANCELADO; the support can be delivered again with a new folio.</source>
        <translation>El folio se conserva marcado CANCELADO; el apoyo puede entregarse de nuevo con un folio nuevo.</translation>
    </message>
    <message>
        <source>&amp;Void the receipt</source>
        <translation>&amp;Cancelar el recibo</translation>
    </message>
    <message>
        <source>Support no. %1 is now «%2» and no longer in this list.</source>
        <translation>El apoyo núm. %1 ahora está «%2» y ya no aparece en esta lista.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln support(s)</source>
        <translation>
            <numerusform>%Ln apoyo</numerusform>
            <numerusform>%Ln apoyos</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a support in the list to see its details.</source>
        <translation>Elija un apoyo de la lista para ver su detalle.</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Persona beneficiaria</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Expediente</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation>Expediente</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>faltan: %1</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>completo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Authorized above ceiling or limit</source>
        <translation>Autorizado por encima del tope o límite</translation>
    </message>
    <message>
        <source>Support no. %1</source>
        <translation>Apoyo núm. %1</translation>
    </message>
    <message>
        <source>Void receipt %1</source>
        <translation>Cancelar el recibo %1</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Staying at</source>
        <translation>Se aloja en</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Núm.</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Persona beneficiaria</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entrega</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New password for %1</source>
        <translation>Contraseña nueva para %1</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Nuevo usuario</translation>
    </message>
    <message>
        <source>&amp;User *</source>
        <translation>&amp;Usuario *</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>&amp;Full name *</source>
        <translation>Nombre &amp;completo *</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>&amp;Role *</source>
        <translation>&amp;Rol *</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>&amp;Job title</source>
        <translation>&amp;Cargo</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Printed under the user&apos;s name on the receipts they deliver or authorize, for example Trabajadora social</source>
        <translation>Se imprime bajo el nombre del usuario en los recibos que entrega o autoriza, por ejemplo Trabajadora social</translation>
    </message>
    <message>
        <source>&amp;Password *</source>
        <translation>&amp;Contraseña *</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>R&amp;epeat password *</source>
        <translation>R&amp;epita la contraseña *</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>VerifyReceiptDialog</name>
    <message>
        <source>Verify a receipt</source>
        <translation>Verificar un recibo</translation>
    </message>
    <message>
        <source>Scan the receipt&apos;s QR code (a scanner types it here) or type the text printed under it, then press Enter. Or read the code from a photo or scan of the receipt.</source>
        <translation>Escanee el código QR del recibo (el lector lo escribe aquí) o escriba el texto impreso debajo de él y presione Intro. También puede leer el código de una foto o escaneo del recibo.</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Código de verificación</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Verificar</translation>
    </message>
    <message>
        <source>From an &amp;image…</source>
        <translation>Desde una &amp;imagen…</translation>
    </message>
    <message>
        <source>Read the QR code from a photo or scan of the receipt (JPEG or PNG)</source>
        <translation>Leer el código QR de una foto o escaneo del recibo (JPEG o PNG)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>VÁLIDO</translation>
    </message>
    <message>
        <source>VOIDED</source>
        <translation>CANCELADO</translation>
    </message>
    <message>
        <source>ALTERED</source>
        <translation>ALTERADO</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>DESCONOCIDO</translation>
    </message>
    <message>
        <source>Photo or scan of the receipt</source>
        <translation>Foto o escaneo del recibo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Reading the code in %1…</source>
        <translation>Leyendo el código en %1…</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Volver</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Reason *</source>
        <translation>&amp;Motivo *</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
</TS>
