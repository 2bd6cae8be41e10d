import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { errorText } from '../client.js';

/** A labelled input: the label is the input's accessible name. */
export function Field(props: {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password';
  value: string;
  onInput: (value: string) => void;
  autoComplete?: string;
  required?: boolean;
  minLength?: number;
  inputMode?: 'numeric' | 'text' | 'email';
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        // Preact's input types are a union by `type`; one value of a union of them is still valid.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        autoComplete={props.autoComplete}
        required={props.required ?? true}
        minLength={props.minLength}
        inputMode={props.inputMode}
      />
    </div>
  );
}

/** Runs an async action with a busy flag and an error line (announced to screen readers). */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError('');
    try {
      await action();
      return true;
    } catch (caught) {
      setError(errorText(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

export function ErrorLine({ error }: { error: string }) {
  return error ? (
    <p class="error" role="alert">
      {error}
    </p>
  ) : null;
}

export function Form(props: {
  title: string;
  submit: string;
  busy: boolean;
  error: string;
  onSubmit: () => void;
  children: ComponentChildren;
}) {
  return (
    <form
      class="card"
      aria-label={props.title}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h2>{props.title}</h2>
      {props.children}
      <ErrorLine error={props.error} />
      <button type="submit" disabled={props.busy}>
        {props.busy ? '…' : props.submit}
      </button>
    </form>
  );
}
