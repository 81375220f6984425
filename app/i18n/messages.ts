import type { AnswerMessages } from '../questionnaire/answer-schema.ts'
import type { Locale } from './locale.ts'

/**
 * Every text a vendor reads — pages, form messages and emails — in English, Spanish and Simplified
 * Chinese, in one typed dictionary. English defines the keys; TypeScript refuses a language that
 * lacks one, and test/unit/i18n/messages.test.ts fails on a missing or empty text at run time too.
 * Texts with values are functions, so word order can differ by language. Questionnaire texts live
 * in the questionnaire definition itself (questionnaires/…/v1.json, `en`/`es`/`zh`).
 */

type ProblemText = { title: string; body: string }

export type Messages = {
  language: string
  vendorQuestionnaire: string
  reviewAndSubmitTitle: string
  problems: Record<'unknown' | 'revoked' | 'expired' | 'superseded' | 'no-session' | 'throttled', ProblemText>
  home: {
    invites: (buyer: string, vendor: string) => string
    intro: (buyer: string) => string
    answerBy: (date: string) => string
    submittedNotice: (buyer: string) => string
    progress: (done: number, total: number) => string
    sectionsHeading: string
    sectionCount: (answered: number, total: number) => string
    start: string
    continue: string
    reviewAndSubmit: string
    validUntil: (date: string) => string
  }
  section: {
    allSections: string
    position: (n: number, total: number) => string
    readOnly: string
    saveAndContinue: string
    fixErrors: string
    sessionEnded: string
    conflictsNotSaved: (prompts: string) => string
    conflictAtField: string
    requiredMark: string
    chooseCountry: string
    filterCountries: string
    filterCountriesHint: string
    noCountryMatches: string
    selectedCountries: (names: string) => string
    noneSelected: string
    yes: string
    no: string
    certificate: string
    edition: string
    editionNotApplicable: string
    issued: string
    expires: string
    evidenceFile: string
    addCertificateRow: string
    removeCertificateRow: string
    noCertificates: string
    /** CMMC certificate rows only (questionnaire v2): who assessed, and whether the status is final. */
    cmmcAssessor: string
    cmmcAssessorNotStated: string
    cmmcAssessors: { self: string; c3pao: string; dibcac: string }
    cmmcStatus: string
    cmmcStatusNotStated: string
    cmmcStatuses: { final: string; conditional: string }
    /** Beside the CMMC fields of a row whose type is not chosen yet (a plain form shows them on every row). */
    cmmcOnly: string
    fileBelow: string
    filesFor: (prompt: string) => string
    addFile: string
    upload: string
    remove: string
    removeConfirm: (fileName: string) => string
    fileSize: (kb: number, sha: string) => string
    noFilesYet: string
    uploadQuestionMismatch: string
    chooseFileFirst: string
    uploadUnreadable: string
    fileTooLarge: (name: string) => string
  }
  autosave: {
    saving: string
    saved: string
    allSaved: string
    unsaved: (count: number) => string
    offline: (count: number) => string
    retrying: (seconds: number) => string
    failed: string
    sessionEnded: string
    submitted: string
    conflictTitle: string
    conflictsWaiting: (count: number) => string
    conflictBody: string
    theirs: string
    yours: string
    keepMine: string
    useTheirs: string
    notAnswered: string
    leaveWarning: string
  }
  review: {
    allSections: string
    intro: string
    missingIntro: string
    allAnswered: (buyer: string) => string
    submit: string
    missingCount: (count: number) => string
    thanksTitle: string
    thanksBody: (buyer: string) => string
    backToQuestionnaire: string
    sessionEnded: string
  }
  answer: AnswerMessages & { required: string }
  email: {
    invitation: (v: {
      contactName: string
      buyer: string
      engagement: string
      link: string
      dueDate: string | null
    }) => {
      subject: string
      text: string
    }
    reminder: (v: {
      contactName: string
      buyer: string
      engagement: string
      link: string
      dueDate: string
      overdue: boolean
    }) => { subject: string; text: string }
    reopened: (v: { contactName: string; buyer: string; engagement: string; link: string; message: string }) => {
      subject: string
      text: string
    }
  }
}

const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value)))

const en: Messages = {
  language: 'Language',
  vendorQuestionnaire: 'Vendor questionnaire',
  reviewAndSubmitTitle: 'Review and submit',
  problems: {
    unknown: {
      title: 'This link does not work',
      body: 'Check that you copied the whole link from the invitation email. If it still does not work, ask the company that invited you to send a new link.',
    },
    revoked: {
      title: 'This invitation was withdrawn',
      body: 'The company that invited you has withdrawn this questionnaire. If you think this is a mistake, contact them directly.',
    },
    expired: {
      title: 'This link has expired',
      body: 'Your answers so far are kept. Ask the company that invited you to extend the invitation or send a new link.',
    },
    superseded: {
      title: 'A newer link was sent',
      body: 'This link was replaced by a newer one. Use the most recent invitation email, or ask the company that invited you to send the link again.',
    },
    'no-session': {
      title: 'Open the link from your invitation email',
      body: 'The questionnaire opens from the personal link in the email you received. Follow that link again to continue; your answers are kept.',
    },
    throttled: {
      title: 'Too many attempts',
      body: 'Too many links that do not work were opened from your network. Wait 15 minutes, then use the link from your invitation email.',
    },
  },
  home: {
    invites: (buyer, vendor) => `${buyer} invites ${vendor}`,
    intro: (buyer) =>
      `${buyer} asks where its data would be stored, how it would be handled and destroyed, and which certifications you hold. Your answers are saved as you go; you can stop and come back with the same link.`,
    answerBy: (date) => `Please answer by ${date}.`,
    submittedNotice: (buyer) => `You submitted your answers. ${buyer} can reopen them if anything needs to change.`,
    progress: (done, total) => `${done} of ${total} questions answered`,
    sectionsHeading: 'Sections',
    sectionCount: (answered, total) => `${answered} of ${total} answered`,
    start: 'Start',
    continue: 'Continue',
    reviewAndSubmit: 'Review and submit',
    validUntil: (date) => `Your link is valid until ${date}.`,
  },
  section: {
    allSections: '← All sections',
    position: (n, total) => `Section ${n} of ${total}`,
    readOnly: 'You submitted your answers; they are read-only now.',
    saveAndContinue: 'Save and continue',
    fixErrors: 'Some answers need a fix; nothing in this section was lost.',
    sessionEnded: 'Your session ended: open the link from your email again.',
    conflictsNotSaved: (prompts) =>
      `Not saved because a colleague changed them meanwhile: ${prompts}. Reload to see their answers, or submit again to replace them.`,
    conflictAtField:
      'Someone else saved a different answer here meanwhile; the form now shows theirs is stored. Submit again to keep yours.',
    requiredMark: 'required',
    chooseCountry: 'Choose a country…',
    filterCountries: 'Search countries',
    filterCountriesHint: 'Type part of a name or a two-letter code to narrow the list.',
    noCountryMatches: 'No country matches.',
    selectedCountries: (names) => `Selected: ${names}`,
    noneSelected: 'None selected yet.',
    yes: 'Yes',
    no: 'No',
    certificate: 'Certificate or report',
    edition: 'Edition',
    editionNotApplicable: 'n/a',
    issued: 'Issued (SOC 2: period end)',
    expires: 'Expires',
    evidenceFile: 'Evidence file',
    addCertificateRow: 'Add another certificate',
    removeCertificateRow: 'Remove this certificate',
    noCertificates: 'We hold none of these certificates or reports',
    cmmcAssessor: 'CMMC assessed by',
    cmmcAssessorNotStated: 'Not stated (counts as a self-assessment)',
    cmmcAssessors: {
      self: 'Self-assessment',
      c3pao: 'A C3PAO (certified third-party assessor)',
      dibcac: 'DIBCAC (the DoD’s own assessors)',
    },
    cmmcStatus: 'CMMC status',
    cmmcStatusNotStated: 'Not stated (counts as final)',
    cmmcStatuses: { final: 'Final', conditional: 'Conditional (open POA&M, 180 days)' },
    cmmcOnly: 'For CMMC certificates only',
    fileBelow: 'Upload the files for this question below the form.',
    filesFor: (prompt) => `Files for: ${prompt}`,
    addFile: 'Add a file (PDF, PNG or JPEG, up to 10 MB)',
    upload: 'Upload',
    remove: 'Remove',
    removeConfirm: (fileName) => `Remove “${fileName}”? The buyer will no longer see it.`,
    fileSize: (kb, sha) => `${kb} KB · SHA-256 ${sha}…`,
    noFilesYet: 'No files uploaded yet.',
    uploadQuestionMismatch: 'Upload the file at one of this section’s file questions.',
    chooseFileFirst: 'Choose a file to upload first.',
    uploadUnreadable: 'The upload did not arrive whole. Check your connection and upload the file again.',
    fileTooLarge: (name) =>
      `“${name}” is larger than 10 MB; upload a smaller one (scan at a lower resolution or split it).`,
  },
  autosave: {
    saving: 'Saving…',
    saved: 'Saved',
    allSaved: 'All changes saved',
    unsaved: (count) => (count === 1 ? '1 change not saved yet' : `${count} changes not saved yet`),
    offline: (count) =>
      `No connection: ${count === 1 ? '1 change is' : `${count} changes are`} kept here and will be saved when you are back online.`,
    retrying: (seconds) => `Could not save; trying again in ${seconds} s.`,
    failed: 'Not saved',
    sessionEnded: 'Your session ended: open the link from your email again. Copy any unsaved text first.',
    submitted: 'These answers were submitted and are read-only now.',
    conflictTitle: 'A colleague changed this answer',
    conflictsWaiting: (count) =>
      count === 1 ? '1 answer needs your choice (see below).' : `${count} answers need your choice (see below).`,
    conflictBody: 'Someone saved a different answer after you opened this page. Choose which one to keep.',
    theirs: 'Their answer',
    yours: 'Your answer',
    keepMine: 'Keep mine',
    useTheirs: 'Use theirs',
    notAnswered: '(not answered)',
    leaveWarning: 'Some answers are not saved yet. Leave anyway?',
  },
  review: {
    allSections: '← All sections',
    intro: 'Check your answers, then submit them to the buyer.',
    missingIntro: 'These required questions are still unanswered:',
    allAnswered: (buyer) =>
      `Every required question is answered. Once you submit, ${buyer} sees your answers and they become read-only.`,
    submit: 'Submit answers',
    missingCount: (count) =>
      count === 1 ? '1 required question is still unanswered.' : `${count} required questions are still unanswered.`,
    thanksTitle: 'Thank you: your answers are submitted',
    thanksBody: (buyer) =>
      `${buyer} has been told. Your answers are now read-only; if something must change, ask ${buyer} to reopen them.`,
    backToQuestionnaire: 'Back to the questionnaire',
    sessionEnded: 'Your session ended: open the link from your email again.',
  },
  answer: {
    required: 'Answer this question.',
    notOneOf: () => 'Choose one of the options.',
    notArrayOfChoices: () => 'Choose from the options.',
    notCountry: (value) => `${show(value)} is not a country on the list; choose one from the list.`,
    notArrayOfCountries: () => 'Choose countries from the list.',
    notBoolean: () => 'Choose yes or no.',
    notInteger: () => 'Enter a whole number, in digits.',
    belowMinimum: (_value, min) => `Enter ${min} or more.`,
    aboveMaximum: (_value, max) => `Enter ${max} or less.`,
    notDate: () => 'Enter a date (year, month and day).',
    notString: () => 'Enter text.',
    tooLong: (maxLength) => `Keep it under ${maxLength} characters.`,
    notFileIds: () => 'Upload files with the upload button.',
    notCertificationList: () => 'Add certificates in the rows below.',
    notObject: () => 'Fill in the certificate row.',
    notEdition: () => 'Choose 2013, 2022 or n/a.',
    notAssessor: () => 'Choose who assessed: self-assessment, a C3PAO or DIBCAC.',
    notCmmcStatus: () => 'Choose final or conditional.',
    cmmcFieldOnly: () => 'Only CMMC certificates have an assessor and a status.',
    expiresBeforeIssued: () => 'The expiry date is before the issue date; check both dates.',
    unknownField: (key) => `Unexpected field “${key}”.`,
  },
  email: {
    invitation: ({ contactName, buyer, engagement, link, dueDate }) => ({
      subject: `${buyer} invites you to a vendor due-diligence questionnaire`,
      text: `Dear ${contactName},\n\n${buyer} is considering your company for "${engagement}" and asks you to answer a questionnaire about where its data would be stored, how it would be handled and destroyed, and which certifications you hold.${dueDate ? `\nPlease answer by ${dueDate}.` : ''}\n\nOpen the questionnaire (no account needed; your answers are saved as you go; English, Spanish or Chinese):\n${link}\n\nThis link is personal to you. Do not forward it; if a colleague should answer, ask ${buyer} to invite them.\n\n— Sent by Shoreline on behalf of ${buyer}`,
    }),
    reminder: ({ contactName, buyer, engagement, link, dueDate, overdue }) => ({
      subject: overdue
        ? `Overdue: ${buyer}'s vendor questionnaire was due ${dueDate}`
        : `Reminder: ${buyer}'s vendor questionnaire is due ${dueDate}`,
      text: `Dear ${contactName},\n\n${buyer} is waiting for your answers to its questionnaire for "${engagement}", ${overdue ? `which was due on ${dueDate}` : `due on ${dueDate}`}. Everything you have answered so far is saved.\n\nContinue here:\n${link}\n\n— Sent by Shoreline on behalf of ${buyer}`,
    }),
    reopened: ({ contactName, buyer, engagement, link, message }) => ({
      subject: `${buyer} reopened your questionnaire for ${engagement}`,
      text: `Dear ${contactName},\n\n${buyer} reopened your answers for "${engagement}" and asks:\n\n${message}\n\nYour earlier answers are kept. Change what is needed and submit again:\n${link}`,
    }),
  },
}

const es: Messages = {
  language: 'Idioma',
  vendorQuestionnaire: 'Cuestionario para proveedores',
  reviewAndSubmitTitle: 'Revisar y enviar',
  problems: {
    unknown: {
      title: 'Este enlace no funciona',
      body: 'Compruebe que copió el enlace completo del correo de invitación. Si sigue sin funcionar, pida a la empresa que le invitó que le envíe un enlace nuevo.',
    },
    revoked: {
      title: 'Esta invitación fue retirada',
      body: 'La empresa que le invitó ha retirado este cuestionario. Si cree que es un error, comuníquese directamente con ella.',
    },
    expired: {
      title: 'Este enlace ha caducado',
      body: 'Sus respuestas hasta ahora se conservan. Pida a la empresa que le invitó que amplíe el plazo de la invitación o que le envíe un enlace nuevo.',
    },
    superseded: {
      title: 'Se envió un enlace más reciente',
      body: 'Este enlace fue sustituido por otro más reciente. Use el último correo de invitación o pida a la empresa que le invitó que vuelva a enviarle el enlace.',
    },
    'no-session': {
      title: 'Abra el enlace de su correo de invitación',
      body: 'El cuestionario se abre desde el enlace personal del correo que recibió. Vuelva a seguir ese enlace para continuar; sus respuestas se conservan.',
    },
    throttled: {
      title: 'Demasiados intentos',
      body: 'Desde su red se abrieron demasiados enlaces que no funcionan. Espere 15 minutos y luego use el enlace de su correo de invitación.',
    },
  },
  home: {
    invites: (buyer, vendor) => `${buyer} invita a ${vendor}`,
    intro: (buyer) =>
      `${buyer} pregunta dónde se almacenarían sus datos, cómo se tratarían y destruirían, y qué certificaciones tiene su empresa. Sus respuestas se guardan a medida que avanza; puede detenerse y volver con el mismo enlace.`,
    answerBy: (date) => `Responda a más tardar el ${date}.`,
    submittedNotice: (buyer) => `Usted envió sus respuestas. ${buyer} puede reabrirlas si hay que cambiar algo.`,
    progress: (done, total) => `${done} de ${total} preguntas respondidas`,
    sectionsHeading: 'Secciones',
    sectionCount: (answered, total) => `${answered} de ${total} respondidas`,
    start: 'Comenzar',
    continue: 'Continuar',
    reviewAndSubmit: 'Revisar y enviar',
    validUntil: (date) => `Su enlace es válido hasta el ${date}.`,
  },
  section: {
    allSections: '← Todas las secciones',
    position: (n, total) => `Sección ${n} de ${total}`,
    readOnly: 'Usted envió sus respuestas; ahora son de solo lectura.',
    saveAndContinue: 'Guardar y continuar',
    fixErrors: 'Algunas respuestas necesitan una corrección; no se perdió nada de esta sección.',
    sessionEnded: 'Su sesión terminó: vuelva a abrir el enlace de su correo.',
    conflictsNotSaved: (prompts) =>
      `No se guardaron porque un colega las cambió mientras tanto: ${prompts}. Recargue para ver sus respuestas o envíe de nuevo para reemplazarlas.`,
    conflictAtField:
      'Otra persona guardó una respuesta distinta aquí mientras tanto; el formulario muestra que la suya está almacenada. Envíe de nuevo para conservar la suya.',
    requiredMark: 'obligatoria',
    chooseCountry: 'Elija un país…',
    filterCountries: 'Buscar países',
    filterCountriesHint: 'Escriba parte de un nombre o un código de dos letras para acortar la lista.',
    noCountryMatches: 'Ningún país coincide.',
    selectedCountries: (names) => `Seleccionados: ${names}`,
    noneSelected: 'Todavía no hay ninguno seleccionado.',
    yes: 'Sí',
    no: 'No',
    certificate: 'Certificado o informe',
    edition: 'Edición',
    editionNotApplicable: 'n/a',
    issued: 'Emitido (SOC 2: fin del periodo)',
    expires: 'Vence',
    evidenceFile: 'Archivo de respaldo',
    addCertificateRow: 'Agregar otro certificado',
    removeCertificateRow: 'Quitar este certificado',
    noCertificates: 'No tenemos ninguno de estos certificados o informes',
    cmmcAssessor: 'CMMC evaluado por',
    cmmcAssessorNotStated: 'Sin indicar (cuenta como autoevaluación)',
    cmmcAssessors: {
      self: 'Autoevaluación',
      c3pao: 'Un C3PAO (evaluador externo certificado)',
      dibcac: 'DIBCAC (los evaluadores del propio DoD)',
    },
    cmmcStatus: 'Estado CMMC',
    cmmcStatusNotStated: 'Sin indicar (cuenta como definitivo)',
    cmmcStatuses: { final: 'Definitivo', conditional: 'Condicional (POA&M abierto, 180 días)' },
    cmmcOnly: 'Solo para certificados CMMC',
    fileBelow: 'Suba los archivos de esta pregunta debajo del formulario.',
    filesFor: (prompt) => `Archivos para: ${prompt}`,
    addFile: 'Agregar un archivo (PDF, PNG o JPEG, hasta 10 MB)',
    upload: 'Subir',
    remove: 'Quitar',
    removeConfirm: (fileName) => `¿Quitar «${fileName}»? El comprador ya no lo verá.`,
    fileSize: (kb, sha) => `${kb} KB · SHA-256 ${sha}…`,
    noFilesYet: 'Todavía no se ha subido ningún archivo.',
    uploadQuestionMismatch: 'Suba el archivo en una de las preguntas de archivo de esta sección.',
    chooseFileFirst: 'Primero elija un archivo para subir.',
    uploadUnreadable: 'El archivo no llegó completo. Compruebe su conexión y vuelva a subirlo.',
    fileTooLarge: (name) =>
      `«${name}» pesa más de 10 MB; suba uno más pequeño (escanee con menor resolución o divídalo).`,
  },
  autosave: {
    saving: 'Guardando…',
    saved: 'Guardado',
    allSaved: 'Todos los cambios guardados',
    unsaved: (count) => (count === 1 ? '1 cambio aún sin guardar' : `${count} cambios aún sin guardar`),
    offline: (count) =>
      `Sin conexión: ${count === 1 ? '1 cambio se conserva' : `${count} cambios se conservan`} aquí y se guardará${count === 1 ? '' : 'n'} cuando vuelva a estar en línea.`,
    retrying: (seconds) => `No se pudo guardar; se intentará de nuevo en ${seconds} s.`,
    failed: 'No guardado',
    sessionEnded: 'Su sesión terminó: vuelva a abrir el enlace de su correo. Copie antes cualquier texto sin guardar.',
    submitted: 'Estas respuestas fueron enviadas y ahora son de solo lectura.',
    conflictTitle: 'Un colega cambió esta respuesta',
    conflictsWaiting: (count) =>
      count === 1
        ? '1 respuesta necesita que usted elija (ver abajo).'
        : `${count} respuestas necesitan que usted elija (ver abajo).`,
    conflictBody:
      'Alguien guardó una respuesta distinta después de que usted abriera esta página. Elija cuál conservar.',
    theirs: 'Su respuesta (colega)',
    yours: 'Su respuesta (usted)',
    keepMine: 'Conservar la mía',
    useTheirs: 'Usar la del colega',
    notAnswered: '(sin responder)',
    leaveWarning: 'Algunas respuestas aún no se han guardado. ¿Salir de todos modos?',
  },
  review: {
    allSections: '← Todas las secciones',
    intro: 'Revise sus respuestas y luego envíelas al comprador.',
    missingIntro: 'Estas preguntas obligatorias siguen sin respuesta:',
    allAnswered: (buyer) =>
      `Todas las preguntas obligatorias tienen respuesta. Cuando envíe, ${buyer} verá sus respuestas y pasarán a ser de solo lectura.`,
    submit: 'Enviar respuestas',
    missingCount: (count) =>
      count === 1
        ? '1 pregunta obligatoria sigue sin respuesta.'
        : `${count} preguntas obligatorias siguen sin respuesta.`,
    thanksTitle: 'Gracias: sus respuestas fueron enviadas',
    thanksBody: (buyer) =>
      `Se avisó a ${buyer}. Sus respuestas ahora son de solo lectura; si hay que cambiar algo, pida a ${buyer} que las reabra.`,
    backToQuestionnaire: 'Volver al cuestionario',
    sessionEnded: 'Su sesión terminó: vuelva a abrir el enlace de su correo.',
  },
  answer: {
    required: 'Responda esta pregunta.',
    notOneOf: () => 'Elija una de las opciones.',
    notArrayOfChoices: () => 'Elija entre las opciones.',
    notCountry: (value) => `${show(value)} no es un país de la lista; elija uno de la lista.`,
    notArrayOfCountries: () => 'Elija países de la lista.',
    notBoolean: () => 'Elija sí o no.',
    notInteger: () => 'Escriba un número entero, en cifras.',
    belowMinimum: (_value, min) => `Escriba ${min} o más.`,
    aboveMaximum: (_value, max) => `Escriba ${max} o menos.`,
    notDate: () => 'Escriba una fecha (año, mes y día).',
    notString: () => 'Escriba un texto.',
    tooLong: (maxLength) => `Use menos de ${maxLength} caracteres.`,
    notFileIds: () => 'Suba los archivos con el botón de subir.',
    notCertificationList: () => 'Agregue los certificados en las filas de abajo.',
    notObject: () => 'Complete la fila del certificado.',
    notEdition: () => 'Elija 2013, 2022 o n/a.',
    notAssessor: () => 'Elija quién evaluó: autoevaluación, un C3PAO o DIBCAC.',
    notCmmcStatus: () => 'Elija definitivo o condicional.',
    cmmcFieldOnly: () => 'Solo los certificados CMMC tienen evaluador y estado.',
    expiresBeforeIssued: () => 'La fecha de vencimiento es anterior a la de emisión; revise ambas fechas.',
    unknownField: (key) => `Campo inesperado «${key}».`,
  },
  email: {
    invitation: ({ contactName, buyer, engagement, link, dueDate }) => ({
      subject: `${buyer} le invita a responder un cuestionario de diligencia debida para proveedores`,
      text: `Estimado/a ${contactName}:\n\n${buyer} está considerando a su empresa para «${engagement}» y le pide que responda un cuestionario sobre dónde se almacenarían sus datos, cómo se tratarían y destruirían, y qué certificaciones tiene su empresa.${dueDate ? `\nResponda a más tardar el ${dueDate}.` : ''}\n\nAbra el cuestionario (no necesita una cuenta; sus respuestas se guardan a medida que avanza; en español, inglés o chino):\n${link}\n\nEste enlace es personal. No lo reenvíe; si debe responder un colega, pida a ${buyer} que lo invite.\n\n— Enviado por Shoreline en nombre de ${buyer}`,
    }),
    reminder: ({ contactName, buyer, engagement, link, dueDate, overdue }) => ({
      subject: overdue
        ? `Vencido: el cuestionario para proveedores de ${buyer} venció el ${dueDate}`
        : `Recordatorio: el cuestionario para proveedores de ${buyer} vence el ${dueDate}`,
      text: `Estimado/a ${contactName}:\n\n${buyer} espera sus respuestas al cuestionario para «${engagement}», ${overdue ? `que venció el ${dueDate}` : `que vence el ${dueDate}`}. Todo lo que ha respondido hasta ahora está guardado.\n\nContinúe aquí:\n${link}\n\n— Enviado por Shoreline en nombre de ${buyer}`,
    }),
    reopened: ({ contactName, buyer, engagement, link, message }) => ({
      subject: `${buyer} reabrió su cuestionario para ${engagement}`,
      text: `Estimado/a ${contactName}:\n\n${buyer} reabrió sus respuestas para «${engagement}» y le pide:\n\n${message}\n\nSus respuestas anteriores se conservan. Cambie lo necesario y vuelva a enviar:\n${link}`,
    }),
  },
}

const zh: Messages = {
  language: '语言',
  vendorQuestionnaire: '供应商问卷',
  reviewAndSubmitTitle: '检查并提交',
  problems: {
    unknown: {
      title: '此链接无效',
      body: '请确认您复制了邀请邮件中的完整链接。如果仍然无效，请联系邀请您的公司重新发送链接。',
    },
    revoked: {
      title: '此邀请已撤回',
      body: '邀请您的公司已撤回此问卷。如果您认为这是误操作，请直接与对方联系。',
    },
    expired: {
      title: '此链接已过期',
      body: '您已填写的答案都会保留。请联系邀请您的公司延长邀请期限或发送新链接。',
    },
    superseded: {
      title: '已发送更新的链接',
      body: '此链接已被新链接取代。请使用最新的邀请邮件，或请邀请您的公司重新发送链接。',
    },
    'no-session': {
      title: '请打开邀请邮件中的链接',
      body: '问卷需要通过您收到的邮件中的专属链接打开。请再次点击该链接继续填写；您的答案都会保留。',
    },
    throttled: {
      title: '尝试次数过多',
      body: '您所在的网络打开了过多无效链接。请等待 15 分钟，然后使用邀请邮件中的链接。',
    },
  },
  home: {
    invites: (buyer, vendor) => `${buyer} 邀请 ${vendor}`,
    intro: (buyer) =>
      `${buyer} 想了解其数据将存储在哪里、如何处理和销毁，以及贵公司持有哪些认证。您的答案会随填随存；您可以随时中断，之后用同一链接继续。`,
    answerBy: (date) => `请在 ${date} 之前回答。`,
    submittedNotice: (buyer) => `您已提交答案。如需修改，${buyer} 可以重新开放问卷。`,
    progress: (done, total) => `已回答 ${done} / ${total} 个问题`,
    sectionsHeading: '章节',
    sectionCount: (answered, total) => `已回答 ${answered} / ${total}`,
    start: '开始',
    continue: '继续',
    reviewAndSubmit: '检查并提交',
    validUntil: (date) => `您的链接有效期至 ${date}。`,
  },
  section: {
    allSections: '← 全部章节',
    position: (n, total) => `第 ${n} 节，共 ${total} 节`,
    readOnly: '您已提交答案，现在为只读状态。',
    saveAndContinue: '保存并继续',
    fixErrors: '部分答案需要修改；本节内容均未丢失。',
    sessionEnded: '您的会话已结束：请重新打开邮件中的链接。',
    conflictsNotSaved: (prompts) =>
      `以下答案未保存，因为同事在此期间修改了它们：${prompts}。请刷新页面查看对方的答案，或再次提交以替换。`,
    conflictAtField: '在此期间有其他人保存了不同的答案；表单显示的是已存储的答案。再次提交即可保留您的答案。',
    requiredMark: '必填',
    chooseCountry: '请选择国家或地区…',
    filterCountries: '搜索国家或地区',
    filterCountriesHint: '输入名称的一部分或两个字母的代码来缩小列表。',
    noCountryMatches: '没有匹配的国家或地区。',
    selectedCountries: (names) => `已选择：${names}`,
    noneSelected: '尚未选择。',
    yes: '是',
    no: '否',
    certificate: '证书或报告',
    edition: '版本',
    editionNotApplicable: '不适用',
    issued: '签发日期（SOC 2：报告期末）',
    expires: '到期日期',
    evidenceFile: '证明文件',
    addCertificateRow: '再添加一个证书',
    removeCertificateRow: '删除此证书',
    noCertificates: '我们不持有上述任何证书或报告',
    cmmcAssessor: 'CMMC 评估方',
    cmmcAssessorNotStated: '未说明（视为自评估）',
    cmmcAssessors: {
      self: '自评估',
      c3pao: 'C3PAO（经认证的第三方评估机构）',
      dibcac: 'DIBCAC（美国国防部自己的评估人员）',
    },
    cmmcStatus: 'CMMC 状态',
    cmmcStatusNotStated: '未说明（视为最终）',
    cmmcStatuses: { final: '最终', conditional: '有条件（POA&M 未关闭，180 天）' },
    cmmcOnly: '仅适用于 CMMC 证书',
    fileBelow: '请在表单下方上传此问题的文件。',
    filesFor: (prompt) => `文件：${prompt}`,
    addFile: '添加文件（PDF、PNG 或 JPEG，最大 10 MB）',
    upload: '上传',
    remove: '删除',
    removeConfirm: (fileName) => `删除“${fileName}”？买方将无法再看到该文件。`,
    fileSize: (kb, sha) => `${kb} KB · SHA-256 ${sha}…`,
    noFilesYet: '尚未上传文件。',
    uploadQuestionMismatch: '请在本节的文件类问题中上传文件。',
    chooseFileFirst: '请先选择要上传的文件。',
    uploadUnreadable: '文件未完整上传。请检查网络连接后重新上传。',
    fileTooLarge: (name) => `“${name}”超过 10 MB；请上传较小的文件（降低扫描分辨率或拆分文件）。`,
  },
  autosave: {
    saving: '正在保存…',
    saved: '已保存',
    allSaved: '所有更改均已保存',
    unsaved: (count) => `${count} 项更改尚未保存`,
    offline: (count) => `网络已断开：${count} 项更改暂存在本页，恢复联网后将自动保存。`,
    retrying: (seconds) => `保存失败；将在 ${seconds} 秒后重试。`,
    failed: '未保存',
    sessionEnded: '您的会话已结束：请重新打开邮件中的链接。请先复制尚未保存的文字。',
    submitted: '这些答案已提交，现在为只读状态。',
    conflictTitle: '同事修改了此答案',
    conflictsWaiting: (count) => `${count} 个答案需要您选择（见下方）。`,
    conflictBody: '在您打开此页面后，有人保存了不同的答案。请选择保留哪一个。',
    theirs: '同事的答案',
    yours: '您的答案',
    keepMine: '保留我的',
    useTheirs: '采用同事的',
    notAnswered: '（未回答）',
    leaveWarning: '部分答案尚未保存。仍要离开吗？',
  },
  review: {
    allSections: '← 全部章节',
    intro: '请检查您的答案，然后提交给买方。',
    missingIntro: '以下必答问题尚未回答：',
    allAnswered: (buyer) => `所有必答问题均已回答。提交后，${buyer} 即可查看您的答案，答案将变为只读。`,
    submit: '提交答案',
    missingCount: (count) => `还有 ${count} 个必答问题未回答。`,
    thanksTitle: '谢谢：您的答案已提交',
    thanksBody: (buyer) => `已通知 ${buyer}。您的答案现在为只读状态；如需修改，请联系 ${buyer} 重新开放。`,
    backToQuestionnaire: '返回问卷',
    sessionEnded: '您的会话已结束：请重新打开邮件中的链接。',
  },
  answer: {
    required: '请回答此问题。',
    notOneOf: () => '请选择一个选项。',
    notArrayOfChoices: () => '请从选项中选择。',
    notCountry: (value) => `${show(value)} 不在列表中；请从列表中选择。`,
    notArrayOfCountries: () => '请从列表中选择国家或地区。',
    notBoolean: () => '请选择“是”或“否”。',
    notInteger: () => '请输入整数（阿拉伯数字）。',
    belowMinimum: (_value, min) => `请输入不小于 ${min} 的数。`,
    aboveMaximum: (_value, max) => `请输入不大于 ${max} 的数。`,
    notDate: () => '请输入日期（年、月、日）。',
    notString: () => '请输入文字。',
    tooLong: (maxLength) => `请控制在 ${maxLength} 个字符以内。`,
    notFileIds: () => '请使用上传按钮上传文件。',
    notCertificationList: () => '请在下方各行中添加证书。',
    notObject: () => '请填写证书这一行。',
    notEdition: () => '请选择 2013、2022 或“不适用”。',
    notAssessor: () => '请选择评估方：自评估、C3PAO 或 DIBCAC。',
    notCmmcStatus: () => '请选择“最终”或“有条件”。',
    cmmcFieldOnly: () => '只有 CMMC 证书才有评估方和状态。',
    expiresBeforeIssued: () => '到期日期早于签发日期，请检查这两个日期。',
    unknownField: (key) => `意外的字段“${key}”。`,
  },
  email: {
    invitation: ({ contactName, buyer, engagement, link, dueDate }) => ({
      subject: `${buyer} 邀请您填写供应商尽职调查问卷`,
      text: `${contactName}，您好：\n\n${buyer} 正在考虑由贵公司承接“${engagement}”，请您填写一份问卷，说明其数据将存储在哪里、如何处理和销毁，以及贵公司持有哪些认证。${dueDate ? `\n请在 ${dueDate} 之前回答。` : ''}\n\n打开问卷（无需注册账号；答案随填随存；支持中文、英文和西班牙文）：\n${link}\n\n此链接仅供您本人使用，请勿转发；如需同事填写，请联系 ${buyer} 邀请对方。\n\n— 由 Shoreline 代表 ${buyer} 发送`,
    }),
    reminder: ({ contactName, buyer, engagement, link, dueDate, overdue }) => ({
      subject: overdue
        ? `已逾期：${buyer} 的供应商问卷已于 ${dueDate} 截止`
        : `提醒：${buyer} 的供应商问卷将于 ${dueDate} 截止`,
      text: `${contactName}，您好：\n\n${buyer} 正在等待您对“${engagement}”问卷的回答，${overdue ? `该问卷已于 ${dueDate} 截止` : `截止日期为 ${dueDate}`}。您已填写的内容都已保存。\n\n请在此继续：\n${link}\n\n— 由 Shoreline 代表 ${buyer} 发送`,
    }),
    reopened: ({ contactName, buyer, engagement, link, message }) => ({
      subject: `${buyer} 重新开放了您关于“${engagement}”的问卷`,
      text: `${contactName}，您好：\n\n${buyer} 重新开放了您对“${engagement}”的答案，并留言：\n\n${message}\n\n您之前的答案都已保留。请修改需要更改的内容后再次提交：\n${link}`,
    }),
  },
}

export const MESSAGES: Record<Locale, Messages> = { en, es, zh }

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale]
}
