import * as migration_20261124_082245_initial from './20261124_082245_initial';
import * as migration_20261130_200322_combined from './20261130_200322_combined';

export const migrations = [
  {
    up: migration_20261124_082245_initial.up,
    down: migration_20261124_082245_initial.down,
    name: '20261124_082245_initial',
  },
  {
    up: migration_20261130_200322_combined.up,
    down: migration_20261130_200322_combined.down,
    name: '20261130_200322_combined'
  },
];
