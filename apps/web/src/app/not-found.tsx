import { NotFoundContent, notFoundMetadata } from '@/components/site/NotFound'

export const metadata = notFoundMetadata

/** Unknown routes; pages whose content does not exist return <NotFoundPage /> (same message). */
export default function NotFound() {
  return <NotFoundContent />
}
