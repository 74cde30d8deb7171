import { Alert } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from '../api';
import { serverFieldError } from '../forms';
import { useDraft } from '../features/clients/useDraft';
import DraftOffer from './DraftOffer';
import LeaveGuard from './LeaveGuard';

interface Options<V> {
  draftKey: string;
  /** Field errors keyed by form path; empty when the values can be saved. */
  check: (values: V) => Record<string, string>;
  save: (values: V) => Promise<void>;
  /** Moves error paths to where the form shows them (e.g. one place for a list of checkboxes). */
  toFormErrors?: (errors: Record<string, string>) => Record<string, string>;
}

/**
 * How our edit forms save: check with the contract's schema first, show every message at its
 * field with a banner saying nothing was saved, keep a draft until saved, offer an earlier draft
 * back, and ask before leaving with unsaved changes. The form itself stays the caller's.
 */
export function useSavedForm<V>(form: UseFormReturnType<V>, options: Options<V>) {
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A ref, not state: the screen navigates away right after saving, before it renders again.
  const saved = useRef(false);
  const dirty = form.isDirty();
  const draft = useDraft(options.draftKey, form.values, dirty);
  const [offerDraft, setOfferDraft] = useState(draft.found !== null);
  const toFormErrors = options.toFormErrors ?? ((errors: Record<string, string>) => errors);

  const save = async (values: V) => {
    setBanner(null);
    const errors = options.check(values);
    if (Object.keys(errors).length > 0) {
      form.setErrors(toFormErrors(errors));
      setBanner('Some fields need attention; each one says what is wrong. Nothing was saved yet.');
      return;
    }
    setSaving(true);
    try {
      saved.current = true;
      await options.save(values);
      draft.clear();
    } catch (error) {
      saved.current = false;
      const fieldError = serverFieldError(error);
      if (fieldError) form.setErrors(toFormErrors(fieldError));
      setBanner(fieldError ? `Not saved: ${errorMessage(error)}` : errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(form.getValues());
  };

  const notices: ReactNode = (
    <>
      {offerDraft && draft.found && (
        <DraftOffer
          onRestore={() => {
            if (draft.found) form.setValues(draft.found);
            setOfferDraft(false);
          }}
          onDiscard={() => {
            draft.clear();
            setOfferDraft(false);
          }}
        />
      )}
      {banner && (
        <Alert color="red" role="alert">
          {banner}
        </Alert>
      )}
    </>
  );

  return { saving, onSubmit, notices, guard: <LeaveGuard dirty={dirty} saved={saved} /> };
}
