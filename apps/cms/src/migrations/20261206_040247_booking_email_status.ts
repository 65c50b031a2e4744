import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`emails_staff_notification_status\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`emails_staff_notification_reason\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`emails_staff_notification_attempts\` numeric;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`emails_staff_notification_last_attempt_at\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`emails_staff_notification_next_attempt_at\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`emails_acknowledgement_status\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`emails_acknowledgement_reason\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`emails_acknowledgement_attempts\` numeric;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`emails_acknowledgement_last_attempt_at\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`emails_acknowledgement_next_attempt_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`emails_staff_notification_status\`;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`emails_staff_notification_reason\`;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`emails_staff_notification_attempts\`;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`emails_staff_notification_last_attempt_at\`;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`emails_staff_notification_next_attempt_at\`;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`emails_acknowledgement_status\`;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`emails_acknowledgement_reason\`;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`emails_acknowledgement_attempts\`;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`emails_acknowledgement_last_attempt_at\`;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`emails_acknowledgement_next_attempt_at\`;`)
}
