-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CaseSource" ADD VALUE 'BAILIFF';
ALTER TYPE "CaseSource" ADD VALUE 'SELF_REFERRAL';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrganisationKind" ADD VALUE 'CCAS';
ALTER TYPE "OrganisationKind" ADD VALUE 'MDS';

-- AlterTable
ALTER TABLE "Sector" ADD COLUMN     "communes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "postcodes" TEXT[] DEFAULT ARRAY[]::TEXT[];
