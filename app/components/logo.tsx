export function Logo() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="6" fill="#ffffff22" />
      <path d="M4 21c4-3 8-3 12 0s8 3 12 0v5H4z" fill="#5fb3d9" />
      <circle cx="22" cy="11" r="4" fill="#f2c14e" />
    </svg>
  )
}
