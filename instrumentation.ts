// Next.js calls register() once when a server instance starts (not during the
// build). The daily roll-forward of procedure deadlines runs here, in the
// background, instead of on the first request of the day (issue 17, decision 036).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.MAINTIEN_DEADLINE_JOB === "off") return;
  const { startDeadlineJob } = await import("./lib/server/jobs/deadline-job");
  startDeadlineJob();
}
