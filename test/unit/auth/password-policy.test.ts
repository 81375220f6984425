import { describe, expect, test } from 'vitest'
import {
  ChangePasswordSchema,
  NewPasswordSchema,
  passwordProblem,
  ResetPasswordSchema,
  SignupSchema,
} from '#app/auth/password-policy.ts'

const signup = { organisationName: 'Mercy General Hospital', name: 'Grace Hopper', email: 'grace@mercy.example' }

describe('the password rule: 12+ characters and a zxcvbn score of 3+', () => {
  test.each([
    ['1234567890', 'Use at least 12 characters'],
    ['short', 'Use at least 12 characters'],
    ['1234567890ab', 'This password is too easy to guess.'],
    ['password1234', 'This password is too easy to guess.'],
    ['qwertyuiop123', 'This password is too easy to guess.'],
    ['aaaaaaaaaaaaaaaa', 'This password is too easy to guess.'],
    ['shoreline2026', 'This password is too easy to guess.'],
    ['x'.repeat(201), 'Use at most 200 characters'],
  ])('%j is refused: %s', (password, reason) => {
    expect(passwordProblem(password)).toContain(reason)
  })

  test.each([
    ['tidal quartz lantern 41'],
    ['correct horse battery'],
    ['Ω-müsli-bahnhof-kaffee'],
    ['seven quiet harbours fold their lanterns before the tide comes back in'],
  ])('%j is accepted (any characters, up to 200, no composition rules)', (password) => {
    expect(passwordProblem(password)).toBeUndefined()
  })

  test('a refusal says why and what would help, in words', () => {
    const message = passwordProblem('password1234') ?? ''
    expect(message).toMatch(/^This password is too easy to guess\. .+\. .+\.$/)
  })

  test('sign-up refuses a password built from the person’s own email, name or organisation', () => {
    const parsed = SignupSchema.safeParse({ ...signup, password: 'gracehopper1' })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(['password'])
    expect(passwordProblem('gracehopper1')).toBeUndefined()
  })

  test('every new-password form uses the rule; the current password is taken exactly as typed', () => {
    expect(NewPasswordSchema.safeParse('password1234').success).toBe(false)
    expect(ResetPasswordSchema.safeParse({ password: 'password1234' }).success).toBe(false)
    expect(ChangePasswordSchema.safeParse({ currentPassword: ' x ', password: 'password1234' }).success).toBe(false)
    const ok = ChangePasswordSchema.parse({ currentPassword: ' old one ', password: ' tidal quartz lantern 41 ' })
    expect(ok).toEqual({ currentPassword: ' old one ', password: ' tidal quartz lantern 41 ' })
  })
})
