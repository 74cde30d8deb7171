import { z } from 'zod';

/** One contract method: its zod input schema, with the output type riding along as a phantom. */
export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: never set at run time. */
  readonly output?: O;
}

export const method =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });

export const noInput = z.object({}).strict().optional();
export const byId = z.object({ id: z.string().min(1, { message: 'An id is required.' }) });
