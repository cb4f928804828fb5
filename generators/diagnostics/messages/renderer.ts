/** The shape of a message table: one renderer per code of a fields map. */

/** For each code of `Fields`, the function that words its data. */
export type Renderers<Fields> = { readonly [Code in keyof Fields]: (data: Fields[Code]) => string };
