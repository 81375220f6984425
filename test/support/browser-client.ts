/**
 * A minimal browser for integration tests: keeps cookies, sends the Origin header on POST like a
 * real browser, and does not follow redirects (tests assert them).
 */
export class BrowserClient {
  private readonly cookies = new Map<string, string>()

  constructor(
    readonly baseUrl: string,
    private readonly origin: string = baseUrl,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name)
  }

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === ''
      if (expired) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), {
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), ...headers },
    })
    this.remember(response)
    return response
  }

  async postMultipart(path: string, form: FormData): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), origin: this.origin },
      body: form,
    })
    this.remember(response)
    return response
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: this.cookieHeader(),
        origin: this.origin,
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      body: new URLSearchParams(form).toString(),
    })
    this.remember(response)
    return response
  }
}
