// SPDX-License-Identifier: EUPL-1.2
import type { MeetingView } from '../../groups/types';

/** How the parts of the meeting page change it: a request that answers the new meeting view. */
export type Act = (request: () => Promise<MeetingView>, done: string) => Promise<boolean>;
