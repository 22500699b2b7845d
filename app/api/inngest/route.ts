import { serve } from 'inngest/next';
import { activityPurgeFunction, appPurgeDeps } from '@/lib/activity/purge-schedule';
import { inngest, inngestFunctions } from '@/lib/engine';
import { handlers } from '@/lib/engine/handlers';

// The activity log's retention purge is a cron of its own beside the flows' functions (lib/activity).
export const { GET, POST, PUT } = serve({ client: inngest, functions: [...inngestFunctions(handlers), activityPurgeFunction(appPurgeDeps())] });
