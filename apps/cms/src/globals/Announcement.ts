import type { GlobalConfig } from 'payload'
import { isAnnouncementActive } from '@clinic/cms-types'
import { isMarketerOrAdmin } from '@/access'
import { revalidateSiteAfterGlobalChange } from '@/hooks/revalidate-site'
import { scheduleAnnouncementEdgesAfterChange } from '@/jobs/announcement-edges'
import { linkField } from '@/fields/url'

export const Announcement: GlobalConfig = {
  slug: 'announcement',
  admin: { group: 'Settings', description: 'A banner across the top of every page of the site.' },
  access: { read: () => true, update: isMarketerOrAdmin },
  // The window's edges are purged on the job queue (jobs/announcement-edges.ts).
  hooks: { afterChange: [revalidateSiteAfterGlobalChange, scheduleAnnouncementEdgesAfterChange] },
  fields: [
    { name: 'enabled', type: 'checkbox', defaultValue: false },
    {
      name: 'text',
      type: 'text',
      maxLength: 160,
      validate: (value: unknown, { siblingData }: { siblingData: { enabled?: boolean } }) =>
        !siblingData?.enabled || (typeof value === 'string' && value.trim() !== '')
          ? true
          : 'Write the banner text before turning the banner on.',
    },
    {
      type: 'row',
      fields: [
        { name: 'linkLabel', type: 'text' },
        linkField('linkUrl'),
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'startsAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Empty: from now.' } },
        {
          name: 'endsAt',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Empty: until turned off.' },
          validate: (value: unknown, { siblingData }: { siblingData: { startsAt?: string } }) =>
            !value || !siblingData?.startsAt || new Date(String(value)) > new Date(siblingData.startsAt)
              ? true
              : 'The end must come after the start.',
        },
      ],
    },
    {
      // Worked out on every read, by the CMS's clock: the site shows the banner when this says so
      // (apps/web/src/lib/announcement.ts), so every site instance follows the CMS's edges whatever
      // its own clock says. Not stored.
      name: 'showingNow',
      type: 'checkbox',
      label: 'Showing on the site now',
      virtual: true,
      admin: {
        readOnly: true,
        description: 'Worked out from the switch, the text and the window when this page was loaded. The site follows each start and end within seconds.',
      },
      hooks: {
        afterRead: [({ siblingData }) => isAnnouncementActive(siblingData as Parameters<typeof isAnnouncementActive>[0], new Date())],
      },
    },
  ],
}
