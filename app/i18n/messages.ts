import { type CountryPickerMessages, ENGLISH_PICKER_MESSAGES } from '../components/country-picker-messages.ts'
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
    countryPicker: CountryPickerMessages
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
    /** "Save and continue" stops once at questions that just appeared. */
    followUpsAppeared: (count: number) => string
    newQuestion: string
    /** A certificate row's own upload. */
    rowFile: string
    uploading: string
    fileAttached: (name: string) => string
    uploadFailed: string
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
    answersHeading: string
    edit: string
    editSection: (section: string) => string
    notAnswered: string
    confirmationEmailed: (email: string) => string
  }
  /** Answers in words, for the review page, the conflict prompt and the PDF of answers. */
  answerWords: {
    none: string
    certificate: (v: { type: string; edition?: string; issued: string; expires?: string }) => string
    removedFile: string
  }
  /** The PDF of its answers a vendor receives after submitting. */
  answersPdf: {
    title: string
    intro: (v: { vendor: string; buyer: string; engagement: string; submitted: string }) => string
    files: string
    page: (n: number, total: number) => string
  }
  requests: {
    title: string
    listIntro: (buyer: string) => string
    none: string
    openItems: (count: number) => string
    dueOn: (date: string) => string
    closed: string
    open: string
    homeBanner: (count: number) => string
    homeLink: string
    messageFrom: (buyer: string) => string
    item: (n: number) => string
    finding: string
    findingLanguageNote: string
    /** Before the finding's citation when the finding is shown in the vendor's language. */
    findingCitation: string
    remediation: string
    yourAnswers: string
    stateLabel: string
    states: Record<'open' | 'answered' | 'resolved' | 'disputed' | 'overdue', string>
    replyLegend: string
    replyNone: string
    replyWillFix: string
    replyDispute: string
    fixBy: string
    reason: string
    upload: string
    uploadButton: string
    send: string
    sent: string
    fixErrors: string
    notAsked: string
    closedNotice: string
    problems: Record<
      'fix-date-missing' | 'fix-date-past' | 'reason-missing' | 'reason-too-long' | 'unknown-kind',
      string
    >
    previousReply: string
    backToRequests: string
    backToHome: string
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
    remediationRequested: (v: {
      contactName: string
      buyer: string
      engagement: string
      link: string
      dueDate: string
      count: number
      message: string
      /** Each item's finding and remediation, in this language where translated (findingText). */
      items: readonly { message: string; remediation: string }[]
    }) => { subject: string; text: string }
    remediationOverdue: (v: {
      contactName: string
      buyer: string
      engagement: string
      link: string
      dueDate: string
      count: number
      /** The items still waiting, in this language where translated (findingText). */
      items: readonly { message: string; remediation: string }[]
    }) => { subject: string; text: string }
    reviewDue: (v: { contactName: string; buyer: string; engagement: string; link: string; dueDate: string }) => {
      subject: string
      text: string
    }
    certificateEnding: (v: {
      contactName: string
      buyer: string
      engagement: string
      link: string
      certificate: string
      validUntil: string
      days: number
    }) => { subject: string; text: string }
    submitted: (v: { contactName: string; buyer: string; engagement: string; fileName: string }) => {
      subject: string
      text: string
    }
  }
}

const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value)))

/** A request email's items: each finding, then what would resolve it (nothing when there are none). */
const itemList = (heading: string, items: readonly { message: string; remediation: string }[]) =>
  items.length === 0
    ? ''
    : `\n\n${heading}\n\n${items.map((item, i) => `${i + 1}. ${item.message}\n   → ${item.remediation}`).join('\n\n')}`

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
    countryPicker: ENGLISH_PICKER_MESSAGES,
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
    followUpsAppeared: (count) =>
      count === 1
        ? 'Your answers added a question to this section (marked “New”). Answer it, or press “Save and continue” again to go on.'
        : `Your answers added ${count} questions to this section (marked “New”). Answer them, or press “Save and continue” again to go on.`,
    newQuestion: 'New',
    rowFile: 'Upload its file (PDF, PNG or JPEG, up to 10 MB)',
    uploading: 'Uploading…',
    fileAttached: (name) => `“${name}” is uploaded and attached to this certificate.`,
    uploadFailed: 'The file was not uploaded',
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
    answersHeading: 'Your answers',
    edit: 'Edit',
    editSection: (section) => `Edit ${section}`,
    notAnswered: 'Not answered',
    confirmationEmailed: (email) => `A confirmation with a PDF of your answers was emailed to ${email}.`,
  },
  answerWords: {
    none: 'None',
    certificate: ({ type, edition, issued, expires }) =>
      `${type}${edition ? ` (${edition} edition)` : ''}, issued ${issued}${expires ? `, expires ${expires}` : ''}`,
    removedFile: 'a file since removed',
  },
  answersPdf: {
    title: 'Your submitted answers',
    intro: ({ vendor, buyer, engagement, submitted }) =>
      `${vendor} submitted these answers to ${buyer} for “${engagement}” on ${submitted}.`,
    files: 'Files',
    page: (n, total) => `Page ${n} of ${total}`,
  },
  requests: {
    title: 'Requested changes',
    listIntro: (buyer) => `${buyer} read your answers and asks you to look again at some of them.`,
    none: 'There are no requested changes.',
    openItems: (count) => (count === 1 ? '1 item waits for you' : `${count} items wait for you`),
    dueOn: (date) => `Please answer by ${date}.`,
    closed: 'Closed',
    open: 'Open',
    homeBanner: (count) =>
      count === 1 ? 'The buyer asks you to change 1 item.' : `The buyer asks you to change ${count} items.`,
    homeLink: 'See the requested changes',
    messageFrom: (buyer) => `Message from ${buyer}`,
    item: (n) => `Item ${n}`,
    finding: 'What the buyer found',
    findingLanguageNote: 'As the buyer’s report states it (in English).',
    findingCitation: 'Legal reference:',
    remediation: 'What would resolve it',
    yourAnswers: 'Your answers behind it',
    stateLabel: 'State',
    states: { open: 'Open', answered: 'Answered', resolved: 'Resolved', disputed: 'Disputed', overdue: 'Overdue' },
    replyLegend: 'Your reply on this item',
    replyNone: 'I changed my answers above (or have nothing to add)',
    replyWillFix: 'We will fix this by a date',
    replyDispute: 'We dispute this finding',
    fixBy: 'Fixed by (YYYY-MM-DD)',
    reason: 'Why you dispute it',
    upload: 'Evidence for this item (PDF, PNG or JPEG, up to 10 MB)',
    uploadButton: 'Upload',
    send: 'Send my changes',
    sent: 'Thank you: your changes were sent and your answers were assessed again.',
    fixErrors: 'Nothing was sent. Correct the fields marked below.',
    notAsked: 'This request does not ask about that question, so nothing was changed.',
    closedNotice: 'This request is closed: every item is resolved. Nothing more is needed.',
    problems: {
      'fix-date-missing': 'Enter the date you will fix this by (YYYY-MM-DD).',
      'fix-date-past': 'The date cannot be in the past.',
      'reason-missing': 'Say why you dispute this finding.',
      'reason-too-long': 'Keep the reason under 2,000 characters.',
      'unknown-kind': 'Choose one of the replies.',
    },
    previousReply: 'Your last reply',
    backToRequests: 'All requested changes',
    backToHome: 'Back to the questionnaire',
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
    remediationRequested: ({ contactName, buyer, engagement, link, dueDate, count, message, items }) => ({
      subject: `${buyer} asks you to change ${count === 1 ? '1 item' : `${count} items`} by ${dueDate}`,
      text: `Dear ${contactName},\n\n${buyer} read your answers for "${engagement}" and asks you to look again at ${count === 1 ? 'one item' : `${count} items`} by ${dueDate}.${message ? `\n\n${message}` : ''}${itemList('What was found, and what would resolve it:', items)}\n\nFor each item you can change your answers, upload evidence, tell us when you will fix it, or dispute it with a reason:\n${link}\n\n— Sent by Shoreline on behalf of ${buyer}`,
    }),
    remediationOverdue: ({ contactName, buyer, engagement, link, dueDate, count, items }) => ({
      subject: `Overdue: ${buyer}'s requested changes were due ${dueDate}`,
      text: `Dear ${contactName},\n\n${buyer} is still waiting for your reply on ${count === 1 ? 'one item' : `${count} items`} it asked you to change for "${engagement}", due on ${dueDate}.${itemList('Still waiting:', items)}\n\nReply here:\n${link}\n\n— Sent by Shoreline on behalf of ${buyer}`,
    }),
    reviewDue: ({ contactName, buyer, engagement, link, dueDate }) => ({
      subject: `${buyer} asks you to review your answers (due ${dueDate})`,
      text: `Dear ${contactName},\n\nIt is time for the periodic review of your answers for "${engagement}". Your last answers are filled in: confirm them, or update what has changed, and submit again.\n\n${link}\n\n— Sent by Shoreline on behalf of ${buyer}`,
    }),
    certificateEnding: ({ contactName, buyer, engagement, link, certificate, validUntil, days }) => ({
      subject: `Your ${certificate} ends on ${validUntil}`,
      text: `Dear ${contactName},\n\nThe ${certificate} you listed for "${engagement}" counts until ${validUntil}${days >= 0 ? ` (${days} days from today)` : ''}. Please upload the renewed certificate or report before then, so that ${buyer}'s assessment of your company stays current.\n\n${link}\n\n— Sent by Shoreline on behalf of ${buyer}`,
    }),
    submitted: ({ contactName, buyer, engagement, fileName }) => ({
      subject: `Your answers for ${engagement} were submitted to ${buyer}`,
      text: `Dear ${contactName},\n\nThank you: ${buyer} has received your questionnaire answers for "${engagement}". A copy of every answer you submitted is attached (${fileName}).\n\nYour answers are now read-only. If something must change, ask ${buyer} to reopen them.\n\n— Sent by Shoreline on behalf of ${buyer}`,
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
    countryPicker: {
      placeholder: 'Escriba un país o su código',
      showAll: 'Mostrar todos los países',
      noMatches: 'Ningún país coincide. Pruebe con su nombre en español o en inglés, o con su código de dos letras.',
      matches: (count) => (count === 1 ? '1 país coincide' : `${count} países coinciden`),
      chosen: 'Países elegidos',
      remove: (name) => `Quitar ${name}`,
      added: (name) => `${name} agregado`,
      removed: (name) => `${name} quitado`,
      choose: 'Elija un país…',
    },
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
    followUpsAppeared: (count) =>
      count === 1
        ? 'Sus respuestas agregaron una pregunta a esta sección (marcada «Nueva»). Respóndala o pulse «Guardar y continuar» otra vez para seguir.'
        : `Sus respuestas agregaron ${count} preguntas a esta sección (marcadas «Nueva»). Respóndalas o pulse «Guardar y continuar» otra vez para seguir.`,
    newQuestion: 'Nueva',
    rowFile: 'Suba su archivo (PDF, PNG o JPEG, hasta 10 MB)',
    uploading: 'Subiendo…',
    fileAttached: (name) => `«${name}» se subió y quedó adjunto a este certificado.`,
    uploadFailed: 'El archivo no se subió',
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
    answersHeading: 'Sus respuestas',
    edit: 'Editar',
    editSection: (section) => `Editar ${section}`,
    notAnswered: 'Sin responder',
    confirmationEmailed: (email) => `Enviamos a ${email} una confirmación con un PDF de sus respuestas.`,
  },
  answerWords: {
    none: 'Ninguno',
    certificate: ({ type, edition, issued, expires }) =>
      `${type}${edition ? ` (edición ${edition})` : ''}, emitido el ${issued}${expires ? `, vence el ${expires}` : ''}`,
    removedFile: 'un archivo ya eliminado',
  },
  answersPdf: {
    title: 'Sus respuestas enviadas',
    intro: ({ vendor, buyer, engagement, submitted }) =>
      `${vendor} envió estas respuestas a ${buyer} para «${engagement}» el ${submitted}.`,
    files: 'Archivos',
    page: (n, total) => `Página ${n} de ${total}`,
  },
  requests: {
    title: 'Cambios solicitados',
    listIntro: (buyer) => `${buyer} leyó sus respuestas y le pide que revise algunas.`,
    none: 'No hay cambios solicitados.',
    openItems: (count) => (count === 1 ? '1 punto le espera' : `${count} puntos le esperan`),
    dueOn: (date) => `Responda antes del ${date}.`,
    closed: 'Cerrada',
    open: 'Abierta',
    homeBanner: (count) =>
      count === 1 ? 'El comprador le pide cambiar 1 punto.' : `El comprador le pide cambiar ${count} puntos.`,
    homeLink: 'Ver los cambios solicitados',
    messageFrom: (buyer) => `Mensaje de ${buyer}`,
    item: (n) => `Punto ${n}`,
    finding: 'Lo que encontró el comprador',
    findingLanguageNote: 'Tal como lo indica el informe del comprador (en inglés).',
    findingCitation: 'Referencia legal:',
    remediation: 'Qué lo resolvería',
    yourAnswers: 'Sus respuestas relacionadas',
    stateLabel: 'Estado',
    states: {
      open: 'Abierto',
      answered: 'Respondido',
      resolved: 'Resuelto',
      disputed: 'Impugnado',
      overdue: 'Vencido',
    },
    replyLegend: 'Su respuesta sobre este punto',
    replyNone: 'Cambié mis respuestas de arriba (o no tengo nada que añadir)',
    replyWillFix: 'Lo corregiremos antes de una fecha',
    replyDispute: 'Impugnamos este hallazgo',
    fixBy: 'Corregido antes del (AAAA-MM-DD)',
    reason: 'Por qué lo impugna',
    upload: 'Evidencia para este punto (PDF, PNG o JPEG, hasta 10 MB)',
    uploadButton: 'Subir',
    send: 'Enviar mis cambios',
    sent: 'Gracias: sus cambios se enviaron y sus respuestas se evaluaron de nuevo.',
    fixErrors: 'No se envió nada. Corrija los campos marcados.',
    notAsked: 'Esta solicitud no pregunta por esa pregunta, así que no se cambió nada.',
    closedNotice: 'Esta solicitud está cerrada: todos los puntos están resueltos. No hace falta nada más.',
    problems: {
      'fix-date-missing': 'Indique la fecha en que lo corregirá (AAAA-MM-DD).',
      'fix-date-past': 'La fecha no puede estar en el pasado.',
      'reason-missing': 'Explique por qué impugna este hallazgo.',
      'reason-too-long': 'El motivo debe tener menos de 2.000 caracteres.',
      'unknown-kind': 'Elija una de las respuestas.',
    },
    previousReply: 'Su última respuesta',
    backToRequests: 'Todos los cambios solicitados',
    backToHome: 'Volver al cuestionario',
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
    remediationRequested: ({ contactName, buyer, engagement, link, dueDate, count, message, items }) => ({
      subject: `${buyer} le pide cambiar ${count === 1 ? '1 punto' : `${count} puntos`} antes del ${dueDate}`,
      text: `Estimado/a ${contactName}:\n\n${buyer} leyó sus respuestas para "${engagement}" y le pide revisar ${count === 1 ? 'un punto' : `${count} puntos`} antes del ${dueDate}.${message ? `\n\n${message}` : ''}${itemList('Lo que se encontró y qué lo resolvería:', items)}\n\nEn cada punto puede cambiar sus respuestas, subir evidencia, indicar cuándo lo corregirá o impugnarlo con un motivo:\n${link}\n\n— Enviado por Shoreline en nombre de ${buyer}`,
    }),
    remediationOverdue: ({ contactName, buyer, engagement, link, dueDate, count, items }) => ({
      subject: `Vencido: los cambios que pidió ${buyer} vencían el ${dueDate}`,
      text: `Estimado/a ${contactName}:\n\n${buyer} aún espera su respuesta sobre ${count === 1 ? 'un punto' : `${count} puntos`} de "${engagement}", con vencimiento el ${dueDate}.${itemList('Aún pendientes:', items)}\n\nResponda aquí:\n${link}\n\n— Enviado por Shoreline en nombre de ${buyer}`,
    }),
    reviewDue: ({ contactName, buyer, engagement, link, dueDate }) => ({
      subject: `${buyer} le pide revisar sus respuestas (antes del ${dueDate})`,
      text: `Estimado/a ${contactName}:\n\nEs momento de la revisión periódica de sus respuestas para "${engagement}". Sus últimas respuestas ya están rellenadas: confírmelas o actualice lo que haya cambiado y envíelas de nuevo.\n\n${link}\n\n— Enviado por Shoreline en nombre de ${buyer}`,
    }),
    certificateEnding: ({ contactName, buyer, engagement, link, certificate, validUntil, days }) => ({
      subject: `Su ${certificate} vence el ${validUntil}`,
      text: `Estimado/a ${contactName}:\n\nEl ${certificate} que indicó para "${engagement}" es válido hasta el ${validUntil}${days >= 0 ? ` (dentro de ${days} días)` : ''}. Suba el certificado o informe renovado antes de esa fecha para que la evaluación de ${buyer} siga vigente.\n\n${link}\n\n— Enviado por Shoreline en nombre de ${buyer}`,
    }),
    submitted: ({ contactName, buyer, engagement, fileName }) => ({
      subject: `Sus respuestas para ${engagement} se enviaron a ${buyer}`,
      text: `Estimado/a ${contactName}:\n\nGracias: ${buyer} recibió sus respuestas al cuestionario para «${engagement}». Adjuntamos una copia de todas las respuestas que envió (${fileName}).\n\nSus respuestas ahora son de solo lectura. Si hay que cambiar algo, pida a ${buyer} que las reabra.\n\n— Enviado por Shoreline en nombre de ${buyer}`,
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
    countryPicker: {
      placeholder: '输入国家或地区名称或代码',
      showAll: '显示所有国家和地区',
      noMatches: '没有匹配的国家或地区。请尝试中文、英文或西班牙文名称，或两个字母的代码。',
      matches: (count) => `${count} 个国家或地区匹配`,
      chosen: '已选择的国家和地区',
      remove: (name) => `移除${name}`,
      added: (name) => `已添加${name}`,
      removed: (name) => `已移除${name}`,
      choose: '请选择国家或地区…',
    },
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
    followUpsAppeared: (count) =>
      `您的回答为本章节新增了 ${count} 个问题（标有“新”）。请回答，或再次点击“保存并继续”进入下一部分。`,
    newQuestion: '新',
    rowFile: '上传其文件（PDF、PNG 或 JPEG，不超过 10 MB）',
    uploading: '正在上传…',
    fileAttached: (name) => `“${name}”已上传并附加到此证书。`,
    uploadFailed: '文件未上传',
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
    answersHeading: '您的答案',
    edit: '编辑',
    editSection: (section) => `编辑“${section}”`,
    notAnswered: '未回答',
    confirmationEmailed: (email) => `我们已向 ${email} 发送确认邮件，附有您答案的 PDF。`,
  },
  answerWords: {
    none: '无',
    certificate: ({ type, edition, issued, expires }) =>
      `${type}${edition ? `（${edition} 版）` : ''}，签发于 ${issued}${expires ? `，到期于 ${expires}` : ''}`,
    removedFile: '已删除的文件',
  },
  answersPdf: {
    title: '您提交的答案',
    intro: ({ vendor, buyer, engagement, submitted }) =>
      `${vendor} 于 ${submitted} 就“${engagement}”向 ${buyer} 提交了以下答案。`,
    files: '文件',
    page: (n, total) => `第 ${n} 页，共 ${total} 页`,
  },
  requests: {
    title: '要求的修改',
    listIntro: (buyer) => `${buyer} 已阅读您的回答，请您重新查看其中一些。`,
    none: '没有要求的修改。',
    openItems: (count) => `有 ${count} 项等待您处理`,
    dueOn: (date) => `请在 ${date} 之前回复。`,
    closed: '已关闭',
    open: '进行中',
    homeBanner: (count) => `采购方请您修改 ${count} 项。`,
    homeLink: '查看要求的修改',
    messageFrom: (buyer) => `来自 ${buyer} 的留言`,
    item: (n) => `第 ${n} 项`,
    finding: '采购方发现的问题',
    findingLanguageNote: '按采购方报告的原文（英文）。',
    findingCitation: '法律依据：',
    remediation: '如何解决',
    yourAnswers: '相关的回答',
    stateLabel: '状态',
    states: { open: '未处理', answered: '已回复', resolved: '已解决', disputed: '有异议', overdue: '已逾期' },
    replyLegend: '您对此项的回复',
    replyNone: '我已修改上面的回答（或没有补充）',
    replyWillFix: '我们将在某日期前改正',
    replyDispute: '我们对此结论有异议',
    fixBy: '改正日期（YYYY-MM-DD）',
    reason: '异议理由',
    upload: '此项的证明文件（PDF、PNG 或 JPEG，最大 10 MB）',
    uploadButton: '上传',
    send: '发送我的修改',
    sent: '谢谢：您的修改已发送，回答已重新评估。',
    fixErrors: '未发送任何内容。请更正下面标出的字段。',
    notAsked: '此请求没有询问该问题，因此未做任何更改。',
    closedNotice: '此请求已关闭：所有项目均已解决，无需其他操作。',
    problems: {
      'fix-date-missing': '请输入您将改正的日期（YYYY-MM-DD）。',
      'fix-date-past': '日期不能早于今天。',
      'reason-missing': '请说明您对此结论有异议的理由。',
      'reason-too-long': '理由请少于 2,000 个字符。',
      'unknown-kind': '请选择一种回复。',
    },
    previousReply: '您上次的回复',
    backToRequests: '全部要求的修改',
    backToHome: '返回问卷',
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
    remediationRequested: ({ contactName, buyer, engagement, link, dueDate, count, message, items }) => ({
      subject: `${buyer} 请您在 ${dueDate} 前修改 ${count} 项`,
      text: `${contactName}，您好：\n\n${buyer} 已阅读您对“${engagement}”的回答，请您在 ${dueDate} 前重新查看 ${count} 项。${message ? `\n\n${message}` : ''}${itemList('发现的问题及解决方法：', items)}\n\n对于每一项，您可以修改回答、上传证明文件、告诉我们改正日期，或说明理由提出异议：\n${link}\n\n— Shoreline 代表 ${buyer} 发送`,
    }),
    remediationOverdue: ({ contactName, buyer, engagement, link, dueDate, count, items }) => ({
      subject: `已逾期：${buyer} 要求的修改截止于 ${dueDate}`,
      text: `${contactName}，您好：\n\n${buyer} 仍在等待您对“${engagement}”中 ${count} 项的回复，截止日期为 ${dueDate}。${itemList('仍待回复的项：', items)}\n\n请在此回复：\n${link}\n\n— Shoreline 代表 ${buyer} 发送`,
    }),
    reviewDue: ({ contactName, buyer, engagement, link, dueDate }) => ({
      subject: `${buyer} 请您复核您的回答（截止 ${dueDate}）`,
      text: `${contactName}，您好：\n\n您对“${engagement}”的回答需要定期复核。您上次的回答已预先填好：请确认或更新有变化的内容，然后再次提交。\n\n${link}\n\n— Shoreline 代表 ${buyer} 发送`,
    }),
    certificateEnding: ({ contactName, buyer, engagement, link, certificate, validUntil, days }) => ({
      subject: `您的 ${certificate} 将于 ${validUntil} 到期`,
      text: `${contactName}，您好：\n\n您为“${engagement}”列出的 ${certificate} 有效期至 ${validUntil}${days >= 0 ? `（还有 ${days} 天）` : ''}。请在此之前上传更新后的证书或报告，以便 ${buyer} 对贵公司的评估保持最新。\n\n${link}\n\n— Shoreline 代表 ${buyer} 发送`,
    }),
    submitted: ({ contactName, buyer, engagement, fileName }) => ({
      subject: `您关于“${engagement}”的答案已提交给 ${buyer}`,
      text: `${contactName}，您好：\n\n谢谢：${buyer} 已收到您对“${engagement}”问卷的答案。附件（${fileName}）是您提交的全部答案的副本。\n\n您的答案现在为只读状态；如需修改，请联系 ${buyer} 重新开放。\n\n— 由 Shoreline 代表 ${buyer} 发送`,
    }),
  },
}

export const MESSAGES: Record<Locale, Messages> = { en, es, zh }

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale]
}
