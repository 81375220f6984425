/**
 * THE definition of "answered", for every count and check in Shoreline: the condition operators
 * `answered` / `notAnswered` (so visibility and regime rules), the vendor's progress on the list,
 * in each section and on the review page, and the buyer's progress column. Pure, no imports, so
 * the browser and the engine run the same function.
 *
 * - A missing answer (`undefined`) is not answered: the contract's "a missing key means not
 *   answered".
 * - What an empty field leaves behind is not answered either: a blank text (`''`, or spaces only)
 *   and an empty list (`[]`: no box ticked, no certificate row filled). The vendor form never stores
 *   these (it clears the answer instead); older rows and hand-written answer files may hold them.
 * - `null` IS an answer: a nullable question's explicit "none" (`company.majorityOwnerCountry`:
 *   "No single owner holds 50 % or more").
 * - Anything else is an answer, including `false` and `0`.
 *
 * @example isAnswered(undefined) // false
 * @example isAnswered([]) // false
 * @example isAnswered(null) // true (the vendor chose "none")
 * @example isAnswered(false) // true
 */
export function isAnswered(value: unknown): boolean {
  if (value === undefined) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return true
}
