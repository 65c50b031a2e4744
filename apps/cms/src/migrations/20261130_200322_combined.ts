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
  await db.run(sql`CREATE TABLE \`service_accounts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`purpose\` text DEFAULT 'booking' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`enable_a_p_i_key\` integer,
  	\`api_key\` text,
  	\`api_key_index\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`service_accounts_updated_at_idx\` ON \`service_accounts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`service_accounts_created_at_idx\` ON \`service_accounts\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`redirects\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to_type\` text DEFAULT 'reference',
  	\`to_url\` text,
  	\`type\` text DEFAULT '301' NOT NULL,
  	\`note\` text,
  	\`destination\` text,
  	\`automatic\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`redirects_from_idx\` ON \`redirects\` (\`from\`);`)
  await db.run(sql`CREATE INDEX \`redirects_destination_idx\` ON \`redirects\` (\`destination\`);`)
  await db.run(sql`CREATE INDEX \`redirects_updated_at_idx\` ON \`redirects\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`redirects_created_at_idx\` ON \`redirects\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`redirects_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`services_id\` integer,
  	\`exercises_id\` integer,
  	\`conditions_id\` integer,
  	\`pages_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`exercises_id\`) REFERENCES \`exercises\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`conditions_id\`) REFERENCES \`conditions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`redirects_rels_order_idx\` ON \`redirects_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_parent_idx\` ON \`redirects_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_path_idx\` ON \`redirects_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_articles_id_idx\` ON \`redirects_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_services_id_idx\` ON \`redirects_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_exercises_id_idx\` ON \`redirects_rels\` (\`exercises_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_conditions_id_idx\` ON \`redirects_rels\` (\`conditions_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_pages_id_idx\` ON \`redirects_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE TABLE \`site_settings_search_synonyms\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`terms\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`site_settings_search_synonyms_order_idx\` ON \`site_settings_search_synonyms\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`site_settings_search_synonyms_parent_id_idx\` ON \`site_settings_search_synonyms\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`reading_grade\` numeric;`)
  await db.run(sql`CREATE INDEX \`articles_title_idx\` ON \`articles\` (\`title\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_idx\` ON \`articles\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_reading_grade\` numeric;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_title_idx\` ON \`_articles_v\` (\`version_title\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`ALTER TABLE \`exercises\` ADD \`reading_grade\` numeric;`)
  await db.run(sql`ALTER TABLE \`exercises\` ADD \`medical_reviewer_id\` integer REFERENCES team(id);`)
  await db.run(sql`ALTER TABLE \`exercises\` ADD \`reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`exercises_name_idx\` ON \`exercises\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`exercises_medical_reviewer_idx\` ON \`exercises\` (\`medical_reviewer_id\`);`)
  await db.run(sql`CREATE INDEX \`exercises_published_at_idx\` ON \`exercises\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_2_idx\` ON \`exercises\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_name_idx\` ON \`exercises\` (\`_status\`,\`name\`);`)
  await db.run(sql`ALTER TABLE \`_exercises_v\` ADD \`version_reading_grade\` numeric;`)
  await db.run(sql`ALTER TABLE \`_exercises_v\` ADD \`version_medical_reviewer_id\` integer REFERENCES team(id);`)
  await db.run(sql`ALTER TABLE \`_exercises_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`_exercises_v_version_version_name_idx\` ON \`_exercises_v\` (\`version_name\`);`)
  await db.run(sql`CREATE INDEX \`_exercises_v_version_version_medical_reviewer_idx\` ON \`_exercises_v\` (\`version_medical_reviewer_id\`);`)
  await db.run(sql`CREATE INDEX \`_exercises_v_version_version_published_at_idx\` ON \`_exercises_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_2_idx\` ON \`_exercises_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_name_idx\` ON \`_exercises_v\` (\`version__status\`,\`version_name\`);`)
  await db.run(sql`ALTER TABLE \`conditions\` ADD \`reading_grade\` numeric;`)
  await db.run(sql`ALTER TABLE \`conditions\` ADD \`medical_reviewer_id\` integer REFERENCES team(id);`)
  await db.run(sql`ALTER TABLE \`conditions\` ADD \`reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`conditions_name_idx\` ON \`conditions\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`conditions_medical_reviewer_idx\` ON \`conditions\` (\`medical_reviewer_id\`);`)
  await db.run(sql`CREATE INDEX \`conditions_published_at_idx\` ON \`conditions\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_3_idx\` ON \`conditions\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_name_1_idx\` ON \`conditions\` (\`_status\`,\`name\`);`)
  await db.run(sql`ALTER TABLE \`_conditions_v\` ADD \`version_reading_grade\` numeric;`)
  await db.run(sql`ALTER TABLE \`_conditions_v\` ADD \`version_medical_reviewer_id\` integer REFERENCES team(id);`)
  await db.run(sql`ALTER TABLE \`_conditions_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`_conditions_v_version_version_name_idx\` ON \`_conditions_v\` (\`version_name\`);`)
  await db.run(sql`CREATE INDEX \`_conditions_v_version_version_medical_reviewer_idx\` ON \`_conditions_v\` (\`version_medical_reviewer_id\`);`)
  await db.run(sql`CREATE INDEX \`_conditions_v_version_version_published_at_idx\` ON \`_conditions_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_3_idx\` ON \`_conditions_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_name_1_idx\` ON \`_conditions_v\` (\`version__status\`,\`version_name\`);`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`consent_version\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`consented_at\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`closed_at\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`idempotency_key\` text;`)
  await db.run(sql`CREATE INDEX \`appointment_requests_closed_at_idx\` ON \`appointment_requests\` (\`closed_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`appointment_requests_idempotency_key_idx\` ON \`appointment_requests\` (\`idempotency_key\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`service_accounts_id\` integer REFERENCES service_accounts(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`redirects_id\` integer REFERENCES redirects(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_service_accounts_id_idx\` ON \`payload_locked_documents_rels\` (\`service_accounts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_preferences_rels\` ADD \`service_accounts_id\` integer REFERENCES service_accounts(id);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_service_accounts_id_idx\` ON \`payload_preferences_rels\` (\`service_accounts_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`booking_mode\` text DEFAULT 'form' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`booking_notification_email\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`appointment_retention_months\` numeric DEFAULT 12 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`review_interval_months\` numeric DEFAULT 12 NOT NULL;`)
  await db.run(sql`CREATE INDEX \`services_name_idx\` ON \`services\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`services_display_order_idx\` ON \`services\` (\`display_order\`);`)
  await db.run(sql`CREATE INDEX \`services_published_at_idx\` ON \`services\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_1_idx\` ON \`services\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_displayOrder_idx\` ON \`services\` (\`_status\`,\`display_order\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_name_idx\` ON \`_services_v\` (\`version_name\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_display_order_idx\` ON \`_services_v\` (\`version_display_order\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_published_at_idx\` ON \`_services_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_1_idx\` ON \`_services_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_displayOrder_idx\` ON \`_services_v\` (\`version__status\`,\`version_display_order\`);`)
  await db.run(sql`CREATE INDEX \`pages_title_idx\` ON \`pages\` (\`title\`);`)
  await db.run(sql`CREATE INDEX \`pages_published_at_idx\` ON \`pages\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_4_idx\` ON \`pages\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_title_idx\` ON \`pages\` (\`_status\`,\`title\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_title_idx\` ON \`_pages_v\` (\`version_title\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_published_at_idx\` ON \`_pages_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_4_idx\` ON \`_pages_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_title_idx\` ON \`_pages_v\` (\`version__status\`,\`version_title\`);`)
  await db.run(sql`CREATE INDEX \`team_name_idx\` ON \`team\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`team_display_order_idx\` ON \`team\` (\`display_order\`);`)
  await db.run(sql`CREATE INDEX \`team_published_at_idx\` ON \`team\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_5_idx\` ON \`team\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_displayOrder_1_idx\` ON \`team\` (\`_status\`,\`display_order\`);`)
  await db.run(sql`CREATE INDEX \`_team_v_version_version_name_idx\` ON \`_team_v\` (\`version_name\`);`)
  await db.run(sql`CREATE INDEX \`_team_v_version_version_display_order_idx\` ON \`_team_v\` (\`version_display_order\`);`)
  await db.run(sql`CREATE INDEX \`_team_v_version_version_published_at_idx\` ON \`_team_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_5_idx\` ON \`_team_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_displayOrder_1_idx\` ON \`_team_v\` (\`version__status\`,\`version_display_order\`);`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`login_attempts\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`lock_until\`;`)
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
  await db.run(sql`DROP TABLE \`service_accounts\`;`)
  await db.run(sql`DROP TABLE \`redirects\`;`)
  await db.run(sql`DROP TABLE \`redirects_rels\`;`)
  await db.run(sql`DROP TABLE \`site_settings_search_synonyms\`;`)
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
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`services_id\` integer,
  	\`exercises_id\` integer,
  	\`conditions_id\` integer,
  	\`pages_id\` integer,
  	\`team_id\` integer,
  	\`media_id\` integer,
  	\`appointment_requests_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`exercises_id\`) REFERENCES \`exercises\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`conditions_id\`) REFERENCES \`conditions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`team_id\`) REFERENCES \`team\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`appointment_requests_id\`) REFERENCES \`appointment_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "services_id", "exercises_id", "conditions_id", "pages_id", "team_id", "media_id", "appointment_requests_id", "users_id") SELECT "id", "order", "parent_id", "path", "articles_id", "services_id", "exercises_id", "conditions_id", "pages_id", "team_id", "media_id", "appointment_requests_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_services_id_idx\` ON \`payload_locked_documents_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_exercises_id_idx\` ON \`payload_locked_documents_rels\` (\`exercises_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_conditions_id_idx\` ON \`payload_locked_documents_rels\` (\`conditions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_team_id_idx\` ON \`payload_locked_documents_rels\` (\`team_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_appointment_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`appointment_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_preferences_rels\`("id", "order", "parent_id", "path", "users_id") SELECT "id", "order", "parent_id", "path", "users_id" FROM \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_preferences_rels\` RENAME TO \`payload_preferences_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`DROP INDEX \`articles_title_idx\`;`)
  await db.run(sql`DROP INDEX \`articles_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`reading_grade\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_title_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_reading_grade\`;`)
  await db.run(sql`DROP INDEX \`services_name_idx\`;`)
  await db.run(sql`DROP INDEX \`services_display_order_idx\`;`)
  await db.run(sql`DROP INDEX \`services_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_displayOrder_idx\`;`)
  await db.run(sql`DROP INDEX \`_services_v_version_version_name_idx\`;`)
  await db.run(sql`DROP INDEX \`_services_v_version_version_display_order_idx\`;`)
  await db.run(sql`DROP INDEX \`_services_v_version_version_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_displayOrder_idx\`;`)
  await db.run(sql`DROP INDEX \`pages_title_idx\`;`)
  await db.run(sql`DROP INDEX \`pages_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_4_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_title_idx\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_version_version_title_idx\`;`)
  await db.run(sql`DROP INDEX \`_pages_v_version_version_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_4_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_title_idx\`;`)
  await db.run(sql`DROP INDEX \`team_name_idx\`;`)
  await db.run(sql`DROP INDEX \`team_display_order_idx\`;`)
  await db.run(sql`DROP INDEX \`team_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_5_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_displayOrder_1_idx\`;`)
  await db.run(sql`DROP INDEX \`_team_v_version_version_name_idx\`;`)
  await db.run(sql`DROP INDEX \`_team_v_version_version_display_order_idx\`;`)
  await db.run(sql`DROP INDEX \`_team_v_version_version_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_5_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_displayOrder_1_idx\`;`)
  await db.run(sql`DROP INDEX \`appointment_requests_closed_at_idx\`;`)
  await db.run(sql`DROP INDEX \`appointment_requests_idempotency_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`consent_version\`;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`consented_at\`;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`closed_at\`;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` DROP COLUMN \`idempotency_key\`;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`login_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`lock_until\` text;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`booking_mode\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`booking_notification_email\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`appointment_retention_months\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`review_interval_months\`;`)
}
