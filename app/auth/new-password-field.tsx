import { forwardRef, type InputHTMLAttributes } from 'react'
import { Field } from '../components/field.tsx'
import { PASSWORD_HINT } from './password-policy.ts'

type NewPasswordFieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string }

/**
 * The field for choosing a password (sign-up, joining, change, reset): masked, offered to password
 * managers as a new password, with the rule as its hint.
 */
export const NewPasswordField = forwardRef<HTMLInputElement, NewPasswordFieldProps>(
  function NewPasswordField(props, ref) {
    return <Field ref={ref} type="password" autoComplete="new-password" hint={PASSWORD_HINT} {...props} />
  },
)
