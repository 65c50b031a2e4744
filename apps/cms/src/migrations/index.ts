import * as migration_20261124_082245_initial from './20261124_082245_initial';
import * as migration_20261130_192303_h7_accounts from './20261130_192303_h7_accounts';

export const migrations = [
  {
    up: migration_20261124_082245_initial.up,
    down: migration_20261124_082245_initial.down,
    name: '20261124_082245_initial',
  },
  {
    up: migration_20261130_192303_h7_accounts.up,
    down: migration_20261130_192303_h7_accounts.down,
    name: '20261130_192303_h7_accounts'
  },
];
