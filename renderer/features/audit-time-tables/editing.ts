import type { TableForm } from './tableFormValues';

/**
 * Input props for a figure that marks its part as the CB's own choice once edited: a changed
 * figure is no longer the published one, whatever it was copied from. The administrator can set
 * the source back (e.g. after entering ISO/IEC 42006's own rows).
 */
export function editedFigure(form: TableForm, path: string, sourcePath: string) {
  const props = form.getInputProps(path);
  return {
    ...props,
    onChange: (value: unknown) => {
      props.onChange(value);
      form.setFieldValue(sourcePath, 'ourChoice');
    },
  };
}
