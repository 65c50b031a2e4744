import * as migration_20261124_082245_initial from './20261124_082245_initial';
import * as migration_20261130_200322_combined from './20261130_200322_combined';
import * as migration_20261130_204545_merged_followups from './20261130_204545_merged_followups';
import * as migration_20261130_222809_s2_scale from './20261130_222809_s2_scale';
import * as migration_20261206_040247_booking_email_status from './20261206_040247_booking_email_status';

export const migrations = [
  {
    up: migration_20261124_082245_initial.up,
    down: migration_20261124_082245_initial.down,
    name: '20261124_082245_initial',
  },
  {
    up: migration_20261130_200322_combined.up,
    down: migration_20261130_200322_combined.down,
    name: '20261130_200322_combined',
  },
  {
    up: migration_20261130_204545_merged_followups.up,
    down: migration_20261130_204545_merged_followups.down,
    name: '20261130_204545_merged_followups',
  },
  {
    up: migration_20261130_222809_s2_scale.up,
    down: migration_20261130_222809_s2_scale.down,
    name: '20261130_222809_s2_scale',
  },
  {
    up: migration_20261206_040247_booking_email_status.up,
    down: migration_20261206_040247_booking_email_status.down,
    name: '20261206_040247_booking_email_status'
  },
];
