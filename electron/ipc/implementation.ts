import type { MethodName, MethodParsedInput } from '../../shared/api/contract';

/** The functions behind some contract methods: parsed input in, value (or a promise of it) out. */
export type ImplementationsOf<K extends MethodName> = {
  [M in K]: (input: MethodParsedInput<M>) => unknown;
};
