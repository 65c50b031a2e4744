import * as migration_20261124_082245_initial from './20261124_082245_initial';

export const migrations = [
  {
    up: migration_20261124_082245_initial.up,
    down: migration_20261124_082245_initial.down,
    name: '20261124_082245_initial'
  },
];
