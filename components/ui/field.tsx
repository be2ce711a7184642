import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/** The key under which zod reports errors for a form name: "others[1].firstName" → "others.1.firstName". */
export function errorKey(name: string): string {
  return name.replace(/\[(\d+)\]/g, ".$1");
}

/** The id of the control named `name` (the error summary links to it). */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

function ids(name: string) {
  const base = fieldId(name);
  return { input: base, error: `${base}-err`, hint: `${base}-hint` };
}

interface FieldFrameProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string; "aria-required"?: true }) => ReactNode;
}

/** Label, hint and error message tied to their control, the way a screen reader expects. */
export function FieldFrame({ name, label, hint, errors, required, children }: FieldFrameProps) {
  const id = ids(name);
  const invalid = !!errors?.length;
  const describedBy = [hint ? id.hint : null, invalid ? id.error : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      {/* The required mark sits outside the label so that the field's accessible name is the label alone;
          aria-required tells assistive technologies. */}
      <div className="text-sm font-medium text-slate-800">
        <label htmlFor={id.input}>{label}</label>
        {required ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
      </div>
      {hint ? <p id={id.hint} className="text-sm text-slate-600">{hint}</p> : null}
      {children({ id: id.input, "aria-invalid": invalid ? true : undefined, "aria-describedby": describedBy, "aria-required": required ? true : undefined })}
      {invalid ? (
        <p id={id.error} className="text-sm font-medium text-red-700">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

const control =
  "w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

type TextFieldProps = { name: string; label: ReactNode; hint?: ReactNode; errors?: string[] } & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

export function TextField({ name, label, hint, errors, required, ...rest }: TextFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} errors={errors} required={required}>
      {(a11y) => <input name={name} className={control} {...a11y} {...rest} />}
    </FieldFrame>
  );
}

type SelectFieldProps = { name: string; label: ReactNode; hint?: ReactNode; errors?: string[]; children: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">;

export function SelectField({ name, label, hint, errors, required, children, ...rest }: SelectFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} errors={errors} required={required}>
      {(a11y) => (
        <select name={name} className={control} {...a11y} {...rest}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

type TextAreaFieldProps = { name: string; label: ReactNode; hint?: ReactNode; errors?: string[] } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

export function TextAreaField({ name, label, hint, errors, required, ...rest }: TextAreaFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} errors={errors} required={required}>
      {(a11y) => <textarea name={name} rows={3} className={control} {...a11y} {...rest} />}
    </FieldFrame>
  );
}

type CheckboxFieldProps = { name: string; label: ReactNode; errors?: string[] } & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type">;

export function CheckboxField({ name, label, errors, ...rest }: CheckboxFieldProps) {
  const id = ids(name);
  const invalid = !!errors?.length;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          id={id.input}
          name={name}
          className="h-5 w-5 shrink-0 accent-blue-800"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? id.error : undefined}
          {...rest}
        />
        <label htmlFor={id.input} className="flex min-h-11 flex-1 items-center text-base text-slate-800">
          {label}
        </label>
      </div>
      {invalid ? <p id={id.error} className="text-sm font-medium text-red-700">{errors!.join(" ")}</p> : null}
    </div>
  );
}
