import * as migration_20261124_082245_initial from './20261124_082245_initial';
import * as migration_20261130_192121_h9_marketers from './20261130_192121_h9_marketers';

export const migrations = [
  {
    up: migration_20261124_082245_initial.up,
    down: migration_20261124_082245_initial.down,
    name: '20261124_082245_initial',
  },
  {
    up: migration_20261130_192121_h9_marketers.up,
    down: migration_20261130_192121_h9_marketers.down,
    name: '20261130_192121_h9_marketers'
  },
];
