import type { Metadata } from "next";
import { ChangePasswordForm, ConfirmTotpForm, DisableTotpForm, EndOtherSessionsForm, StartTotpForm } from "@/components/auth/account-forms";
import { SESSION_ABSOLUTE_HOURS, SESSION_IDLE_MINUTES } from "@/lib/domain/accounts/session-expiry";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { getAccount } from "@/lib/server/queries/get-account";
import { getReminderSettings } from "@/lib/server/queries/referrals";
import { CalendarForms, DigestForm } from "@/components/referrals/reminder-forms";
import { headers } from "next/headers";
import { getEnv } from "@/lib/server/env";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { requireUser } from "@/lib/server/session";
import { formatInstant } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Mon compte" };

export default async function AccountPage() {
  const user = await requireUser();
  const account = await getAccount(db, user);
  if (!account) return null;
  const reminders = await getReminderSettings(db, user);
  // The calendar address: on AUTH_URL's origin or our trusted proxy's, never from an untrusted Host
  // (issue 14); without either, the browser completes it with the address it is on.
  const origin = publicOrigin({ AUTH_URL: process.env.AUTH_URL, trustedProxies: getEnv().TRUST_PROXY }, await headers()) ?? "";
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Mon compte</h1>
      <section aria-labelledby="titre-identite" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="titre-identite" className="mb-2 text-lg font-semibold">
          Identité
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">Nom</dt>
          <dd>{account.name}</dd>
          <dt className="font-medium">E-mail</dt>
          <dd className="break-all">{account.email}</dd>
          <dt className="font-medium">Rôle</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
          <dt className="font-medium">Équipe</dt>
          <dd>{user.teams.map((t) => t.name).join(", ") || "Aucune"}</dd>
        </dl>
        <p className="mt-3 text-sm text-slate-700">
          Par sécurité, votre session se ferme après {SESSION_IDLE_MINUTES / 60} heures sans activité et {SESSION_ABSOLUTE_HOURS} heures après la connexion.
          {account.lastLoginAt ? ` Dernière connexion le ${formatInstant(account.lastLoginAt)}.` : ""}
        </p>
      </section>

      <section aria-labelledby="titre-rappels" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="titre-rappels" className="text-lg font-semibold">
          Rappels
        </h2>
        <DigestForm optedIn={reminders.digestOptIn} />
        <h3 className="font-semibold">Agenda privé (audiences, rendez-vous, visites à faire)</h3>
        <CalendarForms active={reminders.calendarActive} origin={origin} />
      </section>

      <section aria-labelledby="titre-sessions" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="titre-sessions" className="mb-1 text-lg font-semibold">
          Sessions ouvertes
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          {account.otherSessions === 0
            ? "Aucune autre session ouverte : vous n'êtes connecté·e que sur cet appareil."
            : account.otherSessions === 1
              ? "Vous êtes aussi connecté·e sur un autre appareil ou navigateur."
              : `Vous êtes aussi connecté·e sur ${account.otherSessions} autres appareils ou navigateurs.`}{" "}
          Un téléphone partagé ou perdu : fermez ces sessions, celle-ci reste ouverte.
        </p>
        <EndOtherSessionsForm />
      </section>

      <section aria-labelledby="titre-mot-de-passe" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="titre-mot-de-passe" className="mb-1 text-lg font-semibold">
          Changer de mot de passe
        </h2>
        <p className="mb-3 text-sm text-slate-700">Vos sessions ouvertes sur d&apos;autres appareils seront fermées ; celle-ci reste ouverte.</p>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="titre-totp" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="titre-totp" className="mb-1 text-lg font-semibold">
          Double authentification
        </h2>
        {account.totp.status === "on" ? (
          <div className="flex flex-col gap-3">
            <p role="status" className="font-medium text-emerald-900">
              Activée depuis le {formatInstant(account.totp.since)}. Un code de votre application vous est demandé à chaque connexion.
            </p>
            <DisableTotpForm />
          </div>
        ) : account.totp.status === "pending" ? (
          <div className="flex flex-col gap-4">
            <ol className="list-decimal space-y-1 pl-5 text-slate-800">
              <li>Ouvrez une application d&apos;authentification (FreeOTP, Aegis, Google Authenticator…).</li>
              <li>Scannez ce QR code, ou saisissez la clé ci-dessous.</li>
              <li>Saisissez le code à 6 chiffres qu&apos;elle affiche.</li>
            </ol>
            {/* Drawn on the server from our own otpauth:// URI (lib/server/totp.ts): no remote image, no script. */}
            <div
              role="img"
              aria-label="QR code à scanner avec l'application d'authentification"
              className="w-56 max-w-full border border-slate-300 bg-white p-1 [&>svg]:h-auto [&>svg]:w-full"
              dangerouslySetInnerHTML={{ __html: account.totp.qrSvg }}
            />
            <div>
              <p className="text-sm font-medium text-slate-800">Clé à saisir à la main</p>
              <p className="break-all font-mono text-base" data-testid="totp-secret">
                {account.totp.secretText}
              </p>
            </div>
            <ConfirmTotpForm />
          </div>
        ) : (
          <div className="flex flex-col gap-3">
            <p className="text-slate-700">
              Facultative : en plus du mot de passe, un code à 6 chiffres affiché par une application sur votre téléphone vous sera demandé à chaque connexion.
            </p>
            <StartTotpForm />
          </div>
        )}
      </section>
    </div>
  );
}
