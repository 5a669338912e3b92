export { printBlocks, type PrintBlock, type PrintedText, type PrintOptions, type PrintRun } from './print-blocks.js';
export { cssString, printDate } from './print-format.js';
