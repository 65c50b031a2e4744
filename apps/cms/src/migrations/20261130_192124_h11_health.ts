import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`articles_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`publisher\` text,
  	\`url\` text,
  	\`accessed_at\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_sources_order_idx\` ON \`articles_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`articles_sources_parent_id_idx\` ON \`articles_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v_version_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`publisher\` text,
  	\`url\` text,
  	\`accessed_at\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_version_sources_order_idx\` ON \`_articles_v_version_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_sources_parent_id_idx\` ON \`_articles_v_version_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`exercises_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`publisher\` text,
  	\`url\` text,
  	\`accessed_at\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`exercises\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`exercises_sources_order_idx\` ON \`exercises_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`exercises_sources_parent_id_idx\` ON \`exercises_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_exercises_v_version_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`publisher\` text,
  	\`url\` text,
  	\`accessed_at\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_exercises_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_exercises_v_version_sources_order_idx\` ON \`_exercises_v_version_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_exercises_v_version_sources_parent_id_idx\` ON \`_exercises_v_version_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`conditions_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`publisher\` text,
  	\`url\` text,
  	\`accessed_at\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`conditions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`conditions_sources_order_idx\` ON \`conditions_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`conditions_sources_parent_id_idx\` ON \`conditions_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_conditions_v_version_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`publisher\` text,
  	\`url\` text,
  	\`accessed_at\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_conditions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_conditions_v_version_sources_order_idx\` ON \`_conditions_v_version_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_conditions_v_version_sources_parent_id_idx\` ON \`_conditions_v_version_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`team_clinical_credentials\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`credential\` text,
  	\`category\` text DEFAULT 'license',
  	\`recognized_by\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`team\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`team_clinical_credentials_order_idx\` ON \`team_clinical_credentials\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`team_clinical_credentials_parent_id_idx\` ON \`team_clinical_credentials\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_team_v_version_clinical_credentials\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`credential\` text,
  	\`category\` text DEFAULT 'license',
  	\`recognized_by\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_team_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_team_v_version_clinical_credentials_order_idx\` ON \`_team_v_version_clinical_credentials\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_team_v_version_clinical_credentials_parent_id_idx\` ON \`_team_v_version_clinical_credentials\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`reading_grade\` numeric;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_reading_grade\` numeric;`)
  await db.run(sql`ALTER TABLE \`exercises\` ADD \`reading_grade\` numeric;`)
  await db.run(sql`ALTER TABLE \`exercises\` ADD \`medical_reviewer_id\` integer REFERENCES team(id);`)
  await db.run(sql`ALTER TABLE \`exercises\` ADD \`reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`exercises_medical_reviewer_idx\` ON \`exercises\` (\`medical_reviewer_id\`);`)
  await db.run(sql`ALTER TABLE \`_exercises_v\` ADD \`version_reading_grade\` numeric;`)
  await db.run(sql`ALTER TABLE \`_exercises_v\` ADD \`version_medical_reviewer_id\` integer REFERENCES team(id);`)
  await db.run(sql`ALTER TABLE \`_exercises_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`_exercises_v_version_version_medical_reviewer_idx\` ON \`_exercises_v\` (\`version_medical_reviewer_id\`);`)
  await db.run(sql`ALTER TABLE \`conditions\` ADD \`reading_grade\` numeric;`)
  await db.run(sql`ALTER TABLE \`conditions\` ADD \`medical_reviewer_id\` integer REFERENCES team(id);`)
  await db.run(sql`ALTER TABLE \`conditions\` ADD \`reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`conditions_medical_reviewer_idx\` ON \`conditions\` (\`medical_reviewer_id\`);`)
  await db.run(sql`ALTER TABLE \`_conditions_v\` ADD \`version_reading_grade\` numeric;`)
  await db.run(sql`ALTER TABLE \`_conditions_v\` ADD \`version_medical_reviewer_id\` integer REFERENCES team(id);`)
  await db.run(sql`ALTER TABLE \`_conditions_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`_conditions_v_version_version_medical_reviewer_idx\` ON \`_conditions_v\` (\`version_medical_reviewer_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`review_interval_months\` numeric DEFAULT 12 NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`articles_sources\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_sources\`;`)
  await db.run(sql`DROP TABLE \`exercises_sources\`;`)
  await db.run(sql`DROP TABLE \`_exercises_v_version_sources\`;`)
  await db.run(sql`DROP TABLE \`conditions_sources\`;`)
  await db.run(sql`DROP TABLE \`_conditions_v_version_sources\`;`)
  await db.run(sql`DROP TABLE \`team_clinical_credentials\`;`)
  await db.run(sql`DROP TABLE \`_team_v_version_clinical_credentials\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_exercises\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`summary\` text,
  	\`target_area\` text,
  	\`difficulty\` text DEFAULT 'beginner',
  	\`sets\` numeric,
  	\`reps\` numeric,
  	\`hold_seconds\` numeric,
  	\`frequency\` text,
  	\`safety_notes\` text,
  	\`image_id\` integer,
  	\`video_url\` text,
  	\`slug\` text,
  	\`published_at\` text,
  	\`meta_title\` text,
  	\`meta_description\` text,
  	\`meta_image_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_exercises\`("id", "name", "summary", "target_area", "difficulty", "sets", "reps", "hold_seconds", "frequency", "safety_notes", "image_id", "video_url", "slug", "published_at", "meta_title", "meta_description", "meta_image_id", "updated_at", "created_at", "_status") SELECT "id", "name", "summary", "target_area", "difficulty", "sets", "reps", "hold_seconds", "frequency", "safety_notes", "image_id", "video_url", "slug", "published_at", "meta_title", "meta_description", "meta_image_id", "updated_at", "created_at", "_status" FROM \`exercises\`;`)
  await db.run(sql`DROP TABLE \`exercises\`;`)
  await db.run(sql`ALTER TABLE \`__new_exercises\` RENAME TO \`exercises\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`exercises_image_idx\` ON \`exercises\` (\`image_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`exercises_slug_idx\` ON \`exercises\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`exercises_meta_meta_image_idx\` ON \`exercises\` (\`meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`exercises_updated_at_idx\` ON \`exercises\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`exercises_created_at_idx\` ON \`exercises\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`exercises__status_idx\` ON \`exercises\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__exercises_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_summary\` text,
  	\`version_target_area\` text,
  	\`version_difficulty\` text DEFAULT 'beginner',
  	\`version_sets\` numeric,
  	\`version_reps\` numeric,
  	\`version_hold_seconds\` numeric,
  	\`version_frequency\` text,
  	\`version_safety_notes\` text,
  	\`version_image_id\` integer,
  	\`version_video_url\` text,
  	\`version_slug\` text,
  	\`version_published_at\` text,
  	\`version_meta_title\` text,
  	\`version_meta_description\` text,
  	\`version_meta_image_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`exercises\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__exercises_v\`("id", "parent_id", "version_name", "version_summary", "version_target_area", "version_difficulty", "version_sets", "version_reps", "version_hold_seconds", "version_frequency", "version_safety_notes", "version_image_id", "version_video_url", "version_slug", "version_published_at", "version_meta_title", "version_meta_description", "version_meta_image_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_name", "version_summary", "version_target_area", "version_difficulty", "version_sets", "version_reps", "version_hold_seconds", "version_frequency", "version_safety_notes", "version_image_id", "version_video_url", "version_slug", "version_published_at", "version_meta_title", "version_meta_description", "version_meta_image_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_exercises_v\`;`)
  await db.run(sql`DROP TABLE \`_exercises_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__exercises_v\` RENAME TO \`_exercises_v\`;`)
  await db.run(sql`CREATE INDEX \`_exercises_v_parent_idx\` ON \`_exercises_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_exercises_v_version_version_image_idx\` ON \`_exercises_v\` (\`version_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_exercises_v_version_version_slug_idx\` ON \`_exercises_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_exercises_v_version_meta_version_meta_image_idx\` ON \`_exercises_v\` (\`version_meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_exercises_v_version_version_updated_at_idx\` ON \`_exercises_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_exercises_v_version_version_created_at_idx\` ON \`_exercises_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_exercises_v_version_version__status_idx\` ON \`_exercises_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_exercises_v_created_at_idx\` ON \`_exercises_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_exercises_v_updated_at_idx\` ON \`_exercises_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_exercises_v_latest_idx\` ON \`_exercises_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_exercises_v_autosave_idx\` ON \`_exercises_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_conditions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`summary\` text,
  	\`what_it_is\` text,
  	\`slug\` text,
  	\`published_at\` text,
  	\`meta_title\` text,
  	\`meta_description\` text,
  	\`meta_image_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_conditions\`("id", "name", "summary", "what_it_is", "slug", "published_at", "meta_title", "meta_description", "meta_image_id", "updated_at", "created_at", "_status") SELECT "id", "name", "summary", "what_it_is", "slug", "published_at", "meta_title", "meta_description", "meta_image_id", "updated_at", "created_at", "_status" FROM \`conditions\`;`)
  await db.run(sql`DROP TABLE \`conditions\`;`)
  await db.run(sql`ALTER TABLE \`__new_conditions\` RENAME TO \`conditions\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`conditions_slug_idx\` ON \`conditions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`conditions_meta_meta_image_idx\` ON \`conditions\` (\`meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`conditions_updated_at_idx\` ON \`conditions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`conditions_created_at_idx\` ON \`conditions\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`conditions__status_idx\` ON \`conditions\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__conditions_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_summary\` text,
  	\`version_what_it_is\` text,
  	\`version_slug\` text,
  	\`version_published_at\` text,
  	\`version_meta_title\` text,
  	\`version_meta_description\` text,
  	\`version_meta_image_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`conditions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__conditions_v\`("id", "parent_id", "version_name", "version_summary", "version_what_it_is", "version_slug", "version_published_at", "version_meta_title", "version_meta_description", "version_meta_image_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_name", "version_summary", "version_what_it_is", "version_slug", "version_published_at", "version_meta_title", "version_meta_description", "version_meta_image_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_conditions_v\`;`)
  await db.run(sql`DROP TABLE \`_conditions_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__conditions_v\` RENAME TO \`_conditions_v\`;`)
  await db.run(sql`CREATE INDEX \`_conditions_v_parent_idx\` ON \`_conditions_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_conditions_v_version_version_slug_idx\` ON \`_conditions_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_conditions_v_version_meta_version_meta_image_idx\` ON \`_conditions_v\` (\`version_meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_conditions_v_version_version_updated_at_idx\` ON \`_conditions_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_conditions_v_version_version_created_at_idx\` ON \`_conditions_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_conditions_v_version_version__status_idx\` ON \`_conditions_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_conditions_v_created_at_idx\` ON \`_conditions_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_conditions_v_updated_at_idx\` ON \`_conditions_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_conditions_v_latest_idx\` ON \`_conditions_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_conditions_v_autosave_idx\` ON \`_conditions_v\` (\`autosave\`);`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`reading_grade\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_reading_grade\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`review_interval_months\`;`)
}
