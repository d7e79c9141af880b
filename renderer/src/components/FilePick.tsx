import type { ReactNode } from 'react';

/**
 * A button-styled label that picks one file. The input is emptied after each pick, so picking the same
 * file again (after fixing it on disk) still reaches `onFile`.
 */
export function FilePick(props: {
  children: ReactNode;
  accept: string;
  testId: string;
  disabled: boolean;
  onFile: (file: File) => void;
}) {
  return (
    <label className="file-pick">
      {props.children}
      <input
        type="file"
        accept={props.accept}
        data-testid={props.testId}
        disabled={props.disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </label>
  );
}
