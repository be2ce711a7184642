/*
  Warnings:

  - A unique constraint covering the columns `[clientId]` on the table `OutreachEvent` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "OutreachEvent" ADD COLUMN     "clientId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "OutreachEvent_clientId_key" ON "OutreachEvent"("clientId");
