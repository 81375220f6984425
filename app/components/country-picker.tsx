import { useCombobox, useMultipleSelection } from 'downshift'
import { type ReactNode, type Ref, useEffect, useMemo, useRef, useState } from 'react'
import { type CountryLocale, countryName } from '../geography/countries.ts'
import {
  allCountryOptions,
  type CountryOption,
  normalizeForSearch,
  searchCountries,
} from '../geography/country-search.ts'
import { type CountryPickerMessages, ENGLISH_PICKER_MESSAGES } from './country-picker-messages.ts'

/**
 * The one way to choose countries: a WAI-ARIA combobox (downshift's useCombobox) that searches
 * every country's names in English, Spanish and Chinese, its ISO codes and common aliases
 * (app/geography/country-search.ts); with `multiple`, the chosen countries are chips above it
 * (useMultipleSelection: Backspace in the empty box reaches them, Delete removes one).
 *
 * Only what is shown is rendered: the list exists while it is open. Without JavaScript a native
 * control takes its place (a select, or a checklist for several countries) inside `<noscript>`, so
 * it costs a JavaScript page nothing to hydrate; it posts the same field (`name` = code, repeated
 * for several), which the server parses the same way. The combobox itself is hidden from a page
 * without scripting by CSS (`@media (scripting: none)`).
 */

// The picker's words live in a module of their own: every page's root bundle reads the English ones
// (app/i18n/messages.ts) and must not pull in the picker and its country list with them.
export { type CountryPickerMessages, ENGLISH_PICKER_MESSAGES }

type Common = {
  /** The search box's id (a label's `htmlFor`). */
  id: string
  /** The form field's name: one code, or one field per code for several. */
  name: string
  /** The element that labels the picker (a label or a legend). */
  labelId: string
  locale: CountryLocale
  messages: CountryPickerMessages
  describedBy?: string
  invalid?: boolean
  disabled?: boolean
  onBlur?: () => void
  inputRef?: Ref<HTMLInputElement>
  /** Extra content of the plain form (hidden fields a server reads), shown only without JavaScript. */
  fallbackExtra?: ReactNode
}

type SingleProps = Common & {
  multiple?: false
  value: string
  onChange: (code: string) => void
  /** Choices listed before the countries (e.g. "No single owner holds 50 %"), by a value of their own. */
  extraChoices?: CountryOption[]
}
type MultipleProps = Common & { multiple: true; value: string[]; onChange: (codes: string[]) => void }

export function CountryPicker(props: SingleProps | MultipleProps) {
  const hydrated = useHydrated()
  return (
    // data-ready: the picker runs (tests and styles can tell the server's render from the live one).
    <div className="country-picker" data-ready={hydrated || undefined}>
      <noscript>
        <NativeFallback {...props} />
      </noscript>
      <div className="country-picker-js">
        {props.multiple ? (
          <MultiplePicker {...props} hydrated={hydrated} />
        ) : (
          <SinglePicker {...props} hydrated={hydrated} />
        )}
      </div>
    </div>
  )
}

const NO_ITEMS: CountryOption[] = []

/**
 * The list's options are built the first time the picker is used (focus, or a pointer pressed on
 * it), never while the page hydrates: sorting and normalising every country's names in three
 * languages cost more main-thread time than the rest of a form's hydration, and a closed picker
 * shows no options (README decision 87). Focus comes before any key and a pointer press before
 * the click that opens the list, so the options are there when the list opens.
 */
function useListWanted() {
  const [wanted, setWanted] = useState(false)
  const want = () => {
    if (!wanted) setWanted(true)
  }
  return [wanted, { onFocus: want, onPointerDown: want }] as const
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

/** The control without JavaScript: a select, or a checklist with the chosen countries first. */
function NativeFallback(props: SingleProps | MultipleProps) {
  const { id, name, labelId, locale, messages, describedBy, invalid } = props
  const countries = allCountryOptions(locale)
  if (!props.multiple) {
    return (
      <>
        {props.fallbackExtra}
        <select
          id={`${id}-select`}
          name={name}
          defaultValue={props.value}
          aria-labelledby={labelId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        >
          <option value="">{messages.choose}</option>
          {(props.extraChoices ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </>
    )
  }
  const chosen = new Set(props.value)
  const ordered = [...countries.filter((c) => chosen.has(c.code)), ...countries.filter((c) => !chosen.has(c.code))]
  return (
    <fieldset className="country-checklist" aria-labelledby={labelId} aria-describedby={describedBy}>
      {props.fallbackExtra}
      {ordered.map((c) => (
        <label key={c.code} className="check">
          <input type="checkbox" name={name} value={c.code} defaultChecked={chosen.has(c.code)} /> {c.name}
        </label>
      ))}
    </fieldset>
  )
}

/** The list of options while open; nothing at all while closed. */
function Listbox({
  id,
  isOpen,
  items,
  highlightedIndex,
  isChosen,
  getMenuProps,
  getItemProps,
  messages,
  multiple,
  onChoose,
}: {
  id: string
  multiple: boolean
  isOpen: boolean
  items: CountryOption[]
  highlightedIndex: number
  isChosen: (code: string) => boolean
  getMenuProps: ReturnType<typeof useCombobox<CountryOption>>['getMenuProps']
  getItemProps: ReturnType<typeof useCombobox<CountryOption>>['getItemProps']
  messages: CountryPickerMessages
  /** Takes a clicked option in the click's own event (see `takeOverFromDownshift`). */
  onChoose: (item: CountryOption) => void
}) {
  return (
    <ul
      className={`country-listbox${isOpen ? ' open' : ''}`}
      {...getMenuProps({ id: `${id}-listbox`, 'aria-multiselectable': multiple || undefined })}
    >
      {isOpen && items.length === 0 ? (
        <li className="no-match" role="presentation">
          {messages.noMatches}
        </li>
      ) : null}
      {isOpen
        ? items.map((item, index) => (
            <li
              key={item.code}
              className={index === highlightedIndex ? 'highlighted' : undefined}
              {...getItemProps({
                item,
                index,
                'aria-selected': isChosen(item.code),
                onClick: (event: React.MouseEvent) => {
                  takeOverFromDownshift(event)
                  onChoose(item)
                },
              })}
            >
              <span className="tick" aria-hidden="true">
                {isChosen(item.code) ? '✓' : ''}
              </span>
              <span className="country-name">{item.name}</span>
              <span className="country-code" aria-hidden="true">
                {item.code.length === 2 ? item.code : ''}
              </span>
            </li>
          ))
        : null}
    </ul>
  )
}

/**
 * Choosing happens in the key press or click that chose, not after it. downshift reports a choice
 * (onSelectedItemChange, onIsOpenChange, onStateChange) from an effect after its render, and React
 * runs what those callbacks set as a later, ordinary-priority render: on a busy machine the box
 * kept the typed words and the form its old value after Enter, until that render came (and a
 * second Enter or a submit in between sent the form without the country). So Enter and clicks on
 * an option are handled here, on what is on screen (the highlighted option of the list shown), in
 * the same event; downshift is told to leave that event alone.
 */
function takeOverFromDownshift(event: React.SyntheticEvent) {
  event.preventDefault()
  ;(event.nativeEvent as Event & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true
}

/** Enter that should choose the highlighted option (not one that ends an IME composition). */
function isChoosingEnter(event: React.KeyboardEvent) {
  return event.key === 'Enter' && !event.nativeEvent.isComposing && event.keyCode !== 229
}

/** Whether a mouse button is down: a blur while it is (a click elsewhere) chooses nothing, as in downshift. */
function useMouseDown() {
  const down = useRef(false)
  useEffect(() => {
    const press = () => {
      down.current = true
    }
    const release = () => {
      down.current = false
    }
    document.addEventListener('mousedown', press, true)
    document.addEventListener('mouseup', release, true)
    return () => {
      document.removeEventListener('mousedown', press, true)
      document.removeEventListener('mouseup', release, true)
    }
  }, [])
  return down
}

function SinglePicker(props: SingleProps & { hydrated: boolean }) {
  const { id, name, labelId, locale, messages, value, onChange, extraChoices = [], hydrated } = props
  // What the person is typing; null while the box shows the chosen country's name.
  const [typed, setTyped] = useState<string | null>(null)
  // What a screen reader hears as the list narrows.
  const [announcement, announce] = useState('')
  const selected = useMemo<CountryOption | null>(() => {
    if (!value) return null
    return extraChoices.find((c) => c.code === value) ?? { code: value, name: countryName(value, locale) }
  }, [value, extraChoices, locale])
  const query = typed ?? ''
  const [wanted, wantList] = useListWanted()
  // Derived in the same render as the typed text, so Enter always takes the match on screen.
  const items = useMemo(() => {
    if (!wanted) return NO_ITEMS
    const q = normalizeForSearch(query)
    const extras = extraChoices.filter((c) => q === '' || normalizeForSearch(c.name).includes(q))
    return [...extras, ...searchCountries(query, locale)]
  }, [wanted, query, locale, extraChoices])
  const itemsNow = useRef(items)
  itemsNow.current = items
  // The value the form holds now: a choice made in its event is not reported again by downshift.
  const valueNow = useRef(value)
  valueNow.current = value
  const mouseDown = useMouseDown()
  /** Shows the chosen country's name and gives the form its code, in the event that chose it. */
  const choose = (item: CountryOption | null) => {
    setTyped(null)
    const code = item?.code ?? ''
    if (code !== valueNow.current) {
      valueNow.current = code
      onChange(code)
    }
  }
  const {
    isOpen,
    highlightedIndex,
    getInputProps,
    getMenuProps,
    getItemProps,
    getToggleButtonProps,
    selectItem,
    closeMenu,
  } = useCombobox({
    items,
    inputId: id,
    labelId,
    menuId: `${id}-listbox`,
    itemToString: (item) => item?.name ?? '',
    itemToKey: (item) => item?.code,
    selectedItem: selected,
    inputValue: typed ?? selected?.name ?? '',
    // The best match is highlighted as you type: Enter (or Tab, after typing) takes it.
    defaultHighlightedIndex: 0,
    // Any other way downshift chooses (Alt+ArrowUp) still reaches the form, once.
    onSelectedItemChange: ({ selectedItem }) => {
      const code = selectedItem?.code ?? ''
      if (code !== valueNow.current) {
        valueNow.current = code
        onChange(code)
      }
    },
    onIsOpenChange: ({ isOpen: open }) => {
      if (!open) setTyped(null)
    },
    stateReducer: (state, action) => {
      const { type, changes } = action
      // The pointer leaving the list (or the list shrinking from under it) keeps the highlight.
      if (type === useCombobox.stateChangeTypes.MenuMouseLeave)
        return { ...changes, highlightedIndex: state.highlightedIndex }
      if (type !== useCombobox.stateChangeTypes.InputBlur) return changes
      // Leaving the box emptied clears the choice.
      if (state.inputValue.trim() === '') return { ...changes, selectedItem: null }
      // Leaving after typing takes the highlighted match (or the best one); untouched changes nothing.
      const changed = state.inputValue !== (state.selectedItem?.name ?? '')
      const match = changes.selectedItem ?? (state.isOpen ? itemsNow.current[0] : undefined)
      if (changed && 'selectItem' in action && action.selectItem && match) return { ...changes, selectedItem: match }
      return { ...changes, selectedItem: state.selectedItem }
    },
    onStateChange: ({ type }) => {
      if (type === useCombobox.stateChangeTypes.InputBlur) setTyped(null)
    },
  })
  /** Enter or a click: the option shown highlighted (or clicked) is the choice, now. */
  const pick = (item: CountryOption) => {
    selectItem(item)
    closeMenu()
    choose(item)
  }
  /**
   * Leaving the box (Tab) decides as the stateReducer does for downshift's InputBlur, in the blur
   * event itself: emptied clears, typed takes the highlighted match (or the best one).
   */
  const leave = (event: React.FocusEvent<HTMLInputElement>) => {
    if (!isOpen || mouseDown.current || typed === null) return
    const byTabChange = event.relatedTarget === null && document.activeElement !== document.body
    if (typed.trim() === '') return choose(null)
    if (byTabChange || typed === (selected?.name ?? '')) return
    const match = (highlightedIndex >= 0 ? items[highlightedIndex] : undefined) ?? items[0]
    if (match) choose(match)
  }
  return (
    <>
      <div className={`combobox${props.invalid ? ' invalid' : ''}`} {...wantList}>
        <input
          {...getInputProps({
            ref: props.inputRef,
            onBlur: (event: React.FocusEvent<HTMLInputElement>) => {
              leave(event)
              props.onBlur?.()
            },
            onKeyDown: (event: React.KeyboardEvent<HTMLInputElement>) => {
              const item = isOpen && highlightedIndex >= 0 ? items[highlightedIndex] : undefined
              if (!item || !isChoosingEnter(event)) return
              takeOverFromDownshift(event)
              pick(item)
            },
            onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
              const text = event.currentTarget.value
              setTyped(text)
              announce(normalizeForSearch(text) ? messages.matches(searchCountries(text, locale).length) : '')
            },
            'aria-describedby': props.describedBy,
          })}
          aria-invalid={props.invalid || undefined}
          placeholder={messages.placeholder}
          disabled={props.disabled}
          autoComplete="off"
          spellCheck={false}
        />
        <button
          type="button"
          className="combobox-toggle"
          aria-label={messages.showAll}
          disabled={props.disabled}
          {...getToggleButtonProps()}
        >
          <span aria-hidden="true">▾</span>
        </button>
      </div>
      <Listbox
        id={id}
        multiple={false}
        isOpen={isOpen}
        items={items}
        highlightedIndex={highlightedIndex}
        isChosen={(code) => code === value}
        getMenuProps={getMenuProps}
        getItemProps={getItemProps}
        messages={messages}
        onChoose={pick}
      />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {hydrated ? <input type="hidden" name={name} value={value} /> : null}
    </>
  )
}

function MultiplePicker(props: MultipleProps & { hydrated: boolean }) {
  const { id, name, labelId, locale, messages, value, onChange, hydrated } = props
  const [query, setQuery] = useState('')
  // What a screen reader hears as the list narrows or a country is added or removed.
  const [announcement, announce] = useState('')
  const chosen = useMemo(() => value.map((code) => ({ code, name: countryName(code, locale) })), [value, locale])
  const [wanted, wantList] = useListWanted()
  const items = useMemo(() => (wanted ? searchCountries(query, locale) : NO_ITEMS), [wanted, query, locale])
  const toggle = (item: CountryOption) => {
    const has = value.includes(item.code)
    onChange(has ? value.filter((code) => code !== item.code) : [...value, item.code])
    announce(has ? messages.removed(item.name) : messages.added(item.name))
  }
  const { getSelectedItemProps, getDropdownProps } = useMultipleSelection<CountryOption>({
    selectedItems: chosen,
    itemToKey: (item) => item?.code,
    onStateChange: ({ type, selectedItems }) => {
      const removal: string[] = [
        useMultipleSelection.stateChangeTypes.SelectedItemKeyDownBackspace,
        useMultipleSelection.stateChangeTypes.SelectedItemKeyDownDelete,
        useMultipleSelection.stateChangeTypes.DropdownKeyDownBackspace,
        useMultipleSelection.stateChangeTypes.FunctionRemoveSelectedItem,
      ]
      if (selectedItems && removal.includes(type)) {
        const gone = chosen.find((c) => !selectedItems.some((s) => s.code === c.code))
        onChange(selectedItems.map((item) => item.code))
        if (gone) announce(messages.removed(gone.name))
      }
    },
  })
  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, getToggleButtonProps } = useCombobox({
    items,
    inputId: id,
    labelId,
    menuId: `${id}-listbox`,
    itemToString: (item) => item?.name ?? '',
    itemToKey: (item) => item?.code,
    selectedItem: null,
    inputValue: query,
    defaultHighlightedIndex: 0,
    // Enter and clicks on an option never reach downshift (see `takeOverFromDownshift`): the list
    // stays open on the chosen country, for the next one.
    stateReducer: (state, { type, changes }) => {
      switch (type) {
        // The pointer leaving the list (or the list shrinking from under it) keeps the highlight.
        case useCombobox.stateChangeTypes.MenuMouseLeave:
          return { ...changes, highlightedIndex: state.highlightedIndex }
        // Leaving the box never adds or removes a country.
        case useCombobox.stateChangeTypes.InputBlur:
          return { ...changes, selectedItem: null, inputValue: '' }
        default:
          return changes
      }
    },
    onStateChange: ({ type }) => {
      if (type === useCombobox.stateChangeTypes.InputBlur) setQuery('')
    },
  })
  /**
   * Enter adds (or removes) the highlighted country in its own event. Before useMultipleSelection's
   * keys, which it leaves out altogether while typing (`preventKeyAction`).
   */
  const withEnterFirst = <P extends { onKeyDown?: (event: React.KeyboardEvent<HTMLInputElement>) => void }>(
    dropdownProps: P,
  ) => ({
    ...dropdownProps,
    onKeyDown: (event: React.KeyboardEvent<HTMLInputElement>) => {
      const item = isOpen && highlightedIndex >= 0 ? items[highlightedIndex] : undefined
      if (item && isChoosingEnter(event)) {
        takeOverFromDownshift(event)
        toggle(item)
        return
      }
      dropdownProps.onKeyDown?.(event)
    },
  })
  return (
    <>
      {chosen.length > 0 ? (
        <ul className="chips" aria-label={messages.chosen}>
          {chosen.map((item, index) => (
            <li key={item.code}>
              <button
                type="button"
                className="chip"
                disabled={props.disabled}
                {...getSelectedItemProps({
                  selectedItem: item,
                  index,
                  // Every chip is in the tab order (not only the active one): each is a remove button.
                  tabIndex: 0,
                  onClick: () => {
                    onChange(value.filter((code) => code !== item.code))
                    announce(messages.removed(item.name))
                  },
                })}
                aria-label={messages.remove(item.name)}
              >
                {item.name} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className={`combobox${props.invalid ? ' invalid' : ''}`} {...wantList}>
        <input
          {...getInputProps(
            withEnterFirst(
              getDropdownProps({
                ref: props.inputRef,
                onBlur: props.onBlur,
                // Typed in the same render as the list it narrows, so Enter takes the match on screen.
                onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
                  const text = event.currentTarget.value
                  setQuery(text)
                  announce(normalizeForSearch(text) ? messages.matches(searchCountries(text, locale).length) : '')
                },
                // Arrows and Backspace reach the chips from an empty box, open list or not.
                preventKeyAction: isOpen && query !== '',
                'aria-describedby': props.describedBy,
              }),
            ),
          )}
          aria-invalid={props.invalid || undefined}
          placeholder={messages.placeholder}
          disabled={props.disabled}
          autoComplete="off"
          spellCheck={false}
        />
        <button
          type="button"
          className="combobox-toggle"
          aria-label={messages.showAll}
          disabled={props.disabled}
          {...getToggleButtonProps()}
        >
          <span aria-hidden="true">▾</span>
        </button>
      </div>
      <Listbox
        id={id}
        isOpen={isOpen}
        items={items}
        highlightedIndex={highlightedIndex}
        multiple
        isChosen={(code) => value.includes(code)}
        getMenuProps={getMenuProps}
        getItemProps={getItemProps}
        messages={messages}
        onChoose={toggle}
      />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {hydrated ? value.map((code) => <input key={code} type="hidden" name={name} value={code} />) : null}
    </>
  )
}
