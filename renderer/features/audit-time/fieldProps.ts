import type { UseFormReturnType } from '@mantine/form';
import type { CalculationValues } from './calculationValues';

export type CalculationFormState = UseFormReturnType<CalculationValues>;

/**
 * Input props with the live calculator's message as a fallback, so a bad value shows its message at
 * its own field the moment it is typed, while the value itself stays as typed.
 */
export type FieldProps = (path: string) => ReturnType<CalculationFormState['getInputProps']>;

export function fieldPropsWith(
  form: CalculationFormState,
  live: Record<string, string>,
): FieldProps {
  return (path) => {
    const props = form.getInputProps(path);
    return { ...props, error: props.error ?? live[path] };
  };
}
