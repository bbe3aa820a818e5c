/**
 * What the one picker (ui/SearchPicker) needs from a kind of record: how to
 * search it and the words around the search box. The organisation, person
 * and call pickers are SearchPicker with one of these sources.
 */
export interface PickerOption<R = undefined> {
  id: string;
  /** the text of the choice in the list */
  name: string;
  /** the record behind it, handed to `onchange` */
  record?: R;
}

export interface PickerWords {
  /** the empty choice's text */
  placeholder: string;
  /** the search box's accessible name, for the picker labelled `what` */
  searchLabel: string;
  searchPlaceholder: string;
  noMatches: string;
}

export interface PickerSource<R = undefined> {
  /** the first page of matches ('' for the first page of all) */
  search(text: string): Promise<PickerOption<R>[]>;
  /** the words around the search box, in the page's language */
  words(what: string): PickerWords;
}

/** What a caller gives a picker, whichever source it searches. */
export interface PickerProps<R = undefined> {
  id: string;
  label: string;
  /** the chosen id ('' for none) */
  value?: string;
  /** the current choice's name when the first page of results does not list it */
  name?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  /** instead of the source's empty-choice text */
  placeholder?: string;
  /** the select's name, to take part in a GET form */
  selectName?: string;
  onchange?: (id: string, name: string, record: R | undefined) => void;
}
