import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedEmail = {
  to: string
  subject: string
  text: string
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>
}

/** A real SMTP server on loopback that keeps what it receives. */
export async function startSmtpServer() {
  const received: ReceivedEmail[] = []
  const waiters: Array<() => void> = []
  /** Addresses the server refuses (550), to test failed sends. */
  const refuse = new Set<string>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) callback(new Error('550 mailbox unavailable'))
      else callback()
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '')
          const attachments = mail.attachments.map((a) => ({
            filename: a.filename ?? '',
            contentType: a.contentType,
            content: a.content,
          }))
          received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', attachments })
          for (const wake of waiters.splice(0)) wake()
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    /** The newest message to this address (that `matches`), waiting up to 5 s for it to arrive. */
    async waitForEmail(
      to: string,
      timeoutMs = 5_000,
      matches: (email: ReceivedEmail) => boolean = () => true,
    ): Promise<ReceivedEmail> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = received.filter((m) => m.to.includes(to) && matches(m)).at(-1)
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no email to ${to} within ${timeoutMs} ms`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 100)
        })
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The first URL in a message body that starts with the given base. */
export function linkIn(text: string, base: string): string {
  const match = text.match(new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\S+`))
  if (!match) throw new Error(`no link to ${base} in:\n${text}`)
  return match[0]
}
