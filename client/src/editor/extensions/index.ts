import type { AnyExtension } from '@tiptap/core';
import { AccordDocument } from './accord-document';
import { Bold } from './bold';
import { Bracket } from './bracket';
import { Footnote } from './footnote';
import { FootnoteRef } from './footnote-ref';
import { HeadingLine } from './heading-line';
import { Italic } from './italic';
import { Note } from './note';
import { Operative } from './operative';
import { Preambular } from './preambular';
import { Struck } from './struck';
import { Text } from './text';
import { Title } from './title';

/**
 * The extensions that make up the shared schema, in the shared schema's order (mark order is mark
 * rank: it decides which mark wraps which when rendered). test/schema-parity.test.ts keeps them equal.
 */
export function schemaExtensions(): AnyExtension[] {
  return [
    AccordDocument,
    HeadingLine,
    Title,
    Note,
    Preambular,
    Operative,
    Footnote,
    Text,
    FootnoteRef,
    Italic,
    Bold,
    Bracket,
    Struck,
  ];
}
