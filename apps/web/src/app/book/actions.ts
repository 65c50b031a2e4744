'use server'

import { bookingConsent, bookingFieldErrors, bookingLimits, bookingRequestSchema, notSureService } from '@clinic/cms-types'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { env } from '@/env'
import { clientAddress } from '@/lib/client-address'
import { listServices } from '@/lib/cms/queries'
import { formShownAt, issueFormToken, newIdempotencyKey } from '@/lib/booking/form-token'
import { consumeBookingAttempt } from '@/lib/booking/rate-limit'
import { sendBookingRequest } from '@/lib/booking/send-to-cms'
import { honeypotField, type BookingFormState, type BookingValues } from '@/lib/booking/state'
import { siteSettings } from '@/lib/site'

/** Reads one text field, cut to a bound (a little over the limit, so the "too long" message still shows). */
function textField(form: FormData, name: string, max: number): string {
  const value = form.get(name)
  return typeof value === 'string' ? value.slice(0, max + 50) : ''
}

/** The source address the booking limits count (see lib/client-address: X-Forwarded-For only behind TRUSTED_PROXY). */
async function sourceAddress(): Promise<string> {
  return clientAddress(await headers(), env.trustedProxies)
}

async function clinicPhone(): Promise<string | undefined> {
  return (await siteSettings().catch(() => null))?.phone
}

const callUs = (phone: string | undefined) => (phone ? `call us on ${phone}` : 'call the clinic')

/**
 * The booking form's action. It works as a plain HTML form post (no JavaScript): Next.js renders
 * the page again with the returned state (errors and what was typed), or answers a successful
 * request with a redirect to the confirmation (Post/Redirect/Get).
 */
export async function submitBooking(_previous: BookingFormState, form: FormData): Promise<BookingFormState> {
  const values: BookingValues = {
    name: textField(form, 'name', bookingLimits.name),
    email: textField(form, 'email', bookingLimits.email),
    phone: textField(form, 'phone', bookingLimits.phone),
    preferredService: textField(form, 'preferredService', 64),
    preferredTimes: textField(form, 'preferredTimes', bookingLimits.preferredTimes),
    message: textField(form, 'message', bookingLimits.message),
    consent: form.get('consent') === 'yes',
  }
  const idempotencyKey = textField(form, 'idempotencyKey', bookingLimits.idempotencyKey).slice(0, bookingLimits.idempotencyKey)
  const formToken = textField(form, 'formToken', 200)
  const state = (patch: Partial<BookingFormState>): BookingFormState => ({ values, errors: {}, idempotencyKey, formToken, ...patch })

  if (textField(form, honeypotField, 200).trim() !== '') {
    return state({
      problem: {
        kind: 'honeypot',
        message: `We could not send this form because a field meant to stay empty was filled in (some browsers' autofill does this). Please ${callUs(await clinicPhone())}, or email us.`,
      },
    })
  }

  const secret = env.bookingApiKey
  const shownAt = secret ? formShownAt(secret, formToken, idempotencyKey) : undefined
  if (secret && shownAt === undefined) {
    // A mangled or forged token: give this visitor a fresh form, keeping what they typed.
    const key = newIdempotencyKey()
    return state({
      idempotencyKey: key,
      formToken: issueFormToken(secret, key),
      problem: { kind: 'expired', message: 'This form had expired. Your details are still below: please check them and send the form again.' },
    })
  }
  if (shownAt !== undefined && Date.now() - shownAt < env.booking.minFillSeconds * 1000) {
    return state({
      problem: {
        kind: 'too-fast',
        message: 'That was quicker than a person usually fills in this form, so we did not send it yet. Please check your details below and send the form again.',
      },
    })
  }

  // Only now, after every free check (honeypot, token, fill time here; origin and size in
  // src/proxy.ts), does the post spend a rate limit: junk from any number of addresses never
  // spends the overall budget, so it cannot close the form for real visitors.
  const retryIn = await consumeBookingAttempt(await sourceAddress())
  if (retryIn > 0) {
    const minutes = Math.ceil(retryIn / 60)
    return state({
      problem: {
        kind: 'rate-limited',
        message: `We have received several requests from your connection in a short time, so we paused the form. Your details are still below: please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, or ${callUs(await clinicPhone())}.`,
      },
    })
  }

  const services = await listServices().catch(() => null)
  // The CMS wants the id as it is (a number on SQLite, a string on MongoDB), so take it from the list.
  const chosen = services?.find((service) => String(service.id) === values.preferredService)
  const serviceId = values.preferredService === notSureService ? null : (chosen?.id ?? values.preferredService)
  const parsed = bookingRequestSchema.safeParse({
    ...values,
    preferredService: serviceId,
    consent: values.consent ? true : false,
    consentVersion: bookingConsent.version,
  })
  const errors = parsed.success ? {} : bookingFieldErrors(parsed.error)
  if (values.preferredService === '') errors.preferredService = 'Choose a service, or "Not sure yet".'
  else if (serviceId !== null && services && !chosen) {
    errors.preferredService = 'Choose one of the services in the list, or "Not sure yet".'
  }
  if (!parsed.success || Object.keys(errors).length > 0) return state({ errors })

  const result = await sendBookingRequest(parsed.data, idempotencyKey)
  if (!result.ok && result.reason === 'invalid') return state({ errors: result.errors })
  if (!result.ok) {
    return state({
      problem: {
        kind: 'unavailable',
        message: `We could not send your request just now: our booking system is not answering. Nothing you typed is lost, it is still below. Please try again in a few minutes, or ${callUs(await clinicPhone())}.`,
      },
    })
  }
  redirect('/book/thanks')
}
