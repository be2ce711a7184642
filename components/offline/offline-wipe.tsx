"use client";

import { useEffect } from "react";
import { wipeOfflineData } from "@/lib/offline/page-cache";

/**
 * Issue 18: the sign-in page deletes the pages copied for offline use (an
 * expired session or a sign-out lands here). The outbox stays for its owner
 * (typed, not yet sent); a different account signing in wipes it
 * (claimDeviceFor), and "Se déconnecter" wipes it before leaving.
 */
export function OfflineWipe() {
  useEffect(() => {
    void wipeOfflineData({ keepOutbox: true }).catch(() => undefined);
  }, []);
  return null;
}
