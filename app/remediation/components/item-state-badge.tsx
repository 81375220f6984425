import { ITEM_STATE_LABELS, type ItemState } from '../remediation.ts'

/** An item's state as a badge: the word is always there, colour only repeats it. */
export function ItemStateBadge({ state, label }: { state: ItemState; label?: string }) {
  return <span className={`badge item-${state}`}>{label ?? ITEM_STATE_LABELS[state]}</span>
}
