import path from 'node:path';
import { logEvent } from './change-log';
import { nowIso, type ServiceContext } from './context';

/**
 * Records in the restored database who restored it, when, and from which backup: the records that
 * came back are the backup's, but the restore itself is a change someone made.
 */
export function recordRestore(ctx: ServiceContext, backupFile: string): void {
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    logEvent(
      ctx,
      tx,
      { entity: 'database', entityId: 'database', rootId: 'database' },
      'restored',
      { from: path.basename(backupFile) },
      at,
    );
  });
}
