"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ACCEPT_ATTRIBUTE, ATTACHMENT_KIND_LABELS, ATTACHMENT_KINDS, ATTACHMENT_NOTE_MAX, PHOTO_MAX_SIDE, type AttachmentKind } from "@/lib/domain/attachments/kinds";

type Errors = Record<string, string[]>;

/**
 * A photo made smaller on the phone before it is sent (issue 19): longest side
 * PHOTO_MAX_SIDE, JPEG at 85 %. Drawing through a canvas also applies the EXIF
 * orientation and leaves every metadata block behind (the server strips them
 * again anyway). Only JPEG and PNG: a browser that cannot decode the file
 * (HEIC on most of them) sends it as it is and the server converts it.
 */
async function shrinkPhoto(file: File): Promise<File> {
  if (!/^image\/(jpeg|png)$/.test(file.type) || typeof createImageBitmap !== "function") return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  // A small PNG (a screenshot, a scanned page) is sent untouched.
  if (scale === 1 && file.type === "image/png" && file.size < 2 * 1024 * 1024) return file;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const context = canvas.getContext("2d");
  if (!context) return file;
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
  if (!blob || blob.size >= file.size) return file;
  const stem = file.name.replace(/\.[^.]*$/, "") || "photo";
  return new File([blob], `${stem}.jpg`, { type: "image/jpeg", lastModified: file.lastModified });
}

/**
 * Adds a document or a photo. Posted with fetch to the upload route handler
 * (files exceed the server actions' 1 MB limit); on a refusal the French
 * message shows next to the field and everything typed, the file included,
 * stays. Without JavaScript the form posts normally and the server redirects.
 */
export function UploadForm({ caseId, today }: { caseId: string; today: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string>();
  const [submission, setSubmission] = useState(0);
  const [pending, setPending] = useState(false);
  const [kind, setKind] = useState<AttachmentKind | "">("");
  const [chosen, setChosen] = useState<string>("");
  const [status, setStatus] = useState<string>("");
  const photoHint = useId();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setFormError(undefined);
    setStatus("Envoi en cours…");
    try {
      for (const name of ["photo", "fichier"]) {
        const f = data.get(name);
        if (f instanceof File && f.size > 0) data.set(name, await shrinkPhoto(f));
      }
      const res = await fetch(form.action, { method: "POST", body: data, headers: { Accept: "application/json" } });
      const answer = (await res.json().catch(() => null)) as { ok: boolean; fieldErrors?: Errors; formError?: string } | null;
      if (answer?.ok) {
        form.reset();
        setKind("");
        setChosen("");
        setErrors({});
        setStatus("Document ajouté.");
        router.refresh();
        return;
      }
      setErrors(answer?.fieldErrors ?? {});
      setFormError(answer?.formError ?? (answer?.fieldErrors ? "Le document n'a pas été ajouté : corrigez les champs signalés." : "Le document n'a pas été ajouté. Réessayez."));
      setStatus("");
      setSubmission((n) => n + 1);
    } catch {
      setFormError("Le document n'a pas pu être envoyé (connexion interrompue ?). Réessayez.");
      setStatus("");
      setSubmission((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  function onFile(event: React.ChangeEvent<HTMLInputElement>, fromCamera: boolean) {
    const file = event.currentTarget.files?.[0];
    // Only one file per document: choosing with one input clears the other.
    const other = formRef.current?.elements.namedItem(fromCamera ? "fichier" : "photo");
    if (file && other instanceof HTMLInputElement) other.value = "";
    setChosen(file ? file.name || "photo" : "");
    if (file && fromCamera && kind === "") setKind("HOUSING_PHOTO");
  }

  return (
    <form
      ref={formRef}
      action={`/dossiers/${caseId}/documents/televerser`}
      method="post"
      encType="multipart/form-data"
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      noValidate
    >
      <FormAlert message={formError} submission={submission} />
      <SelectField name="kind" label="Type de document" required errors={errors.kind} value={kind} onChange={(e) => setKind(e.currentTarget.value as AttachmentKind | "")}>
        <option value="">Choisir…</option>
        {ATTACHMENT_KINDS.map((k) => (
          <option key={k} value={k}>
            {ATTACHMENT_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      <TextField name="documentOn" type="date" label="Date du document" hint="La date de l'acte, du courrier ou de la photo." required defaultValue={today} errors={errors.documentOn} />
      <TextAreaField name="note" label="Note" maxLength={ATTACHMENT_NOTE_MAX} errors={errors.note} />

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3" aria-describedby={errors.fichier ? "f-fichier-err" : photoHint}>
        <legend className="px-1 text-sm font-medium text-slate-800">
          Fichier <span aria-hidden="true" className="text-red-700">*</span>
        </legend>
        <p id={photoHint} className="text-sm text-slate-600">
          PDF, photo (JPEG, PNG, HEIC), DOCX ou ODT, 20 Mo au plus. Les photos sont réduites avant l&apos;envoi et leur position GPS est retirée.
        </p>
        <div className="flex flex-wrap gap-3">
          <label className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-blue-800 bg-white px-4 py-2 font-semibold text-blue-800 focus-within:outline focus-within:outline-2 focus-within:outline-blue-800">
            Prendre une photo
            <input type="file" name="photo" accept="image/*" capture="environment" className="sr-only" onChange={(e) => onFile(e, true)} />
          </label>
          <label className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-500 bg-white px-4 py-2 font-semibold text-slate-900 focus-within:outline focus-within:outline-2 focus-within:outline-blue-800">
            Choisir un fichier
            <input type="file" name="fichier" accept={ACCEPT_ATTRIBUTE} className="sr-only" onChange={(e) => onFile(e, false)} aria-invalid={errors.fichier ? true : undefined} />
          </label>
        </div>
        <p className="text-sm text-slate-800" aria-live="polite">
          {chosen ? `Fichier choisi : ${chosen}` : "Aucun fichier choisi."}
        </p>
        {errors.fichier ? (
          <p id="f-fichier-err" className="text-sm font-medium text-red-700">
            {errors.fichier.join(" ")}
          </p>
        ) : null}
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Envoi…" : "Ajouter le document"}
        </Button>
        <p role="status" className="text-slate-800">
          {status}
        </p>
      </div>
    </form>
  );
}
