import { createTLStore, defaultBindingUtils } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { boardSchema } from '@samskapa/shared';
import { schemaVerdict } from '../sync/boardSchema';
import { boardShapeUtils } from './shapeUtils';

describe('boards the server builds from a template', () => {
  it('are written with exactly the schema of the canvas, so opening one neither rewrites it nor turns read-only', () => {
    const store = createTLStore({ shapeUtils: boardShapeUtils, bindingUtils: defaultBindingUtils });
    expect(boardSchema()).toEqual(store.schema.serialize());
    expect(schemaVerdict(store, boardSchema())).toBe('current');
  });
});
