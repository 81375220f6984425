/**
 * THE definition of "answered", for every count and check in Shoreline: the condition operators
 * `answered` / `notAnswered` (so visibility and regime rules), the vendor's progress on the list,
 * in each section and on the review page, and the buyer's progress column. Pure, no imports, so
 * the browser and the engine run the same function.
 *
 * An answer is a stored value: a missing one (`undefined`) is not answered, the contract's "a
 * missing key means not answered". That includes `null` (a nullable question's explicit "none":
 * "No single owner holds 50 % or more") and an empty list (an explicit "none": "we hold none of
 * these certificates"), `false` and `0`. Blank text is not an answer. The vendor form stores only
 * what the vendor said: an empty field, no box ticked and a blank certificate row clear the answer
 * instead of storing an empty value (app/vendor-portal/form-values.ts).
 *
 * @example isAnswered(undefined) // false
 * @example isAnswered('  ') // false
 * @example isAnswered(null) // true (the vendor chose "none")
 * @example isAnswered([]) // true (the vendor said it holds none)
 */
export function isAnswered(value: unknown): boolean {
  if (value === undefined) return false
  if (typeof value === 'string') return value.trim() !== ''
  return true
}
