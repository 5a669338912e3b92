export type * from './types.js';
export { unLayout, layoutFrame, layoutParagraph, type LayoutOptions } from './un-layout.js';
export { trackedLayout, type TrackedInput } from './tracked-layout.js';
export { changeAttributor, isoSeconds, type Attribution, type ChangeRecords, type ChangedText } from './attribute-changes.js';
export { openingWordsLength } from './opening-words.js';
export { italicOpenings, houseStyle } from './runs.js';
export { layoutKinds, indentFor, printedNumber } from './paragraph-kinds.js';
export { masthead, documentDate } from './masthead.js';
