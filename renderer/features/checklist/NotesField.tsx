import { Textarea } from '@mantine/core';
import type { Ref } from 'react';
import type { AnswerSaver } from './answerSaver';
import { useLocalNotes, useRefusal } from './useAnswerSaver';

interface Props {
  saver: AnswerSaver;
  itemId: string;
  /** This auditor's saved notes and when their answer last changed. */
  savedNotes: string;
  savedAt: string | null;
  readOnly: boolean;
  ref?: Ref<HTMLTextAreaElement>;
}

/** "Your notes": saved as you type (no save button), kept on this computer until saved. */
export default function NotesField({ saver, itemId, savedNotes, savedAt, readOnly, ref }: Props) {
  const local = useLocalNotes(saver, itemId);
  const refusal = useRefusal(saver, itemId);
  return (
    <Textarea
      ref={ref}
      label="Your notes"
      description={
        readOnly
          ? 'Only members of the audit team write notes here.'
          : 'Saved automatically as you type. Alt+↓ / Alt+↑ move to the next or previous item.'
      }
      aria-keyshortcuts="n"
      autosize
      minRows={4}
      maxRows={16}
      readOnly={readOnly}
      value={local ?? savedNotes}
      error={refusal}
      onChange={(e) => saver.editNotes(itemId, e.currentTarget.value, savedAt)}
      onBlur={() => saver.flush(itemId)}
      data-testid="item-notes"
    />
  );
}
