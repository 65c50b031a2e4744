'use client'

import { bookingConsent, bookingLimits, notSureService, type BookingField } from '@clinic/cms-types'
import { useActionState, useEffect, useRef } from 'react'
import { submitBooking } from '../actions'
import { honeypotField, type BookingFormState } from '@/lib/booking/state'

type ServiceOption = { id: string; name: string }

const fieldOrder: BookingField[] = ['name', 'email', 'phone', 'preferredService', 'preferredTimes', 'message', 'consent']
const fieldLabels: Record<BookingField, string> = {
  name: 'Your name',
  email: 'Email address',
  phone: 'Phone number (optional)',
  preferredService: 'Service you are interested in',
  preferredTimes: 'Days and times that suit you',
  message: 'Anything we should know before we call? (optional)',
  consent: 'Agreement to store your request',
  consentVersion: 'Agreement wording',
}

/** Error text beside a field, tied to it with aria-describedby. */
function FieldError({ field, message }: { field: string; message?: string }) {
  if (!message) return null
  return (
    <p className="field__error" id={`${field}-error`}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  )
}

/**
 * The appointment request form. Without JavaScript it is a plain HTML form posted to the server;
 * with JavaScript React submits it in place and moves focus to the error summary.
 */
export function BookingForm({ initial, services, privacyHref }: { initial: BookingFormState; services: ServiceOption[]; privacyHref: string }) {
  const [state, action, pending] = useActionState(submitBooking, initial)
  const summary = useRef<HTMLDivElement>(null)
  const errorFields = fieldOrder.filter((field) => state.errors[field])
  const hasErrors = errorFields.length > 0

  useEffect(() => {
    if (hasErrors || state.problem) summary.current?.focus()
  }, [state, hasErrors])

  const { values, errors } = state
  const describedBy = (field: BookingField, hint = true) =>
    [hint ? `${field}-hint` : '', errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined
  const fieldClass = (field: BookingField) => `field${errors[field] ? ' field--error' : ''}`

  return (
    <form action={action} className="booking-form" noValidate>
      {hasErrors ? (
        <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={summary}>
          <h2 id="error-summary-title">There is a problem with {errorFields.length === 1 ? 'one answer' : `${errorFields.length} answers`}</h2>
          <ul>
            {errorFields.map((field) => (
              <li key={field}>
                <a href={`#${field}`}>
                  {fieldLabels[field]}: {errors[field]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : state.problem ? (
        <div className="form-problem" role="alert" tabIndex={-1} ref={summary} data-problem={state.problem.kind}>
          <h2>Your request was not sent yet</h2>
          <p>{state.problem.message}</p>
        </div>
      ) : null}

      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
      <input type="hidden" name="formToken" value={state.formToken} />

      <div className={fieldClass('name')}>
        <label htmlFor="name">{fieldLabels.name}</label>
        <p className="field__hint" id="name-hint">
          The name we should use when we contact you.
        </p>
        <FieldError field="name" message={errors.name} />
        <input
          id="name"
          name="name"
          type="text"
          autoComplete="name"
          maxLength={bookingLimits.name}
          defaultValue={values.name}
          aria-describedby={describedBy('name')}
          aria-invalid={errors.name ? true : undefined}
          required
        />
      </div>

      <div className={fieldClass('email')}>
        <label htmlFor="email">{fieldLabels.email}</label>
        <p className="field__hint" id="email-hint">
          We send a short note that we received your request, and may reply by email.
        </p>
        <FieldError field="email" message={errors.email} />
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          maxLength={bookingLimits.email}
          defaultValue={values.email}
          aria-describedby={describedBy('email')}
          aria-invalid={errors.email ? true : undefined}
          required
        />
      </div>

      <div className={fieldClass('phone')}>
        <label htmlFor="phone">{fieldLabels.phone}</label>
        <p className="field__hint" id="phone-hint">
          Any format, with the country code if you are not local, e.g. +1 250 555 0142.
        </p>
        <FieldError field="phone" message={errors.phone} />
        <input
          id="phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          maxLength={bookingLimits.phone}
          defaultValue={values.phone}
          aria-describedby={describedBy('phone')}
          aria-invalid={errors.phone ? true : undefined}
        />
      </div>

      <div className={fieldClass('preferredService')}>
        <label htmlFor="preferredService">{fieldLabels.preferredService}</label>
        <p className="field__hint" id="preferredService-hint">
          Not sure which massage suits you? Choose &ldquo;Not sure yet&rdquo; and we will help you decide.
        </p>
        <FieldError field="preferredService" message={errors.preferredService} />
        <select
          id="preferredService"
          name="preferredService"
          defaultValue={values.preferredService}
          key={`service-${values.preferredService}`}
          aria-describedby={describedBy('preferredService')}
          aria-invalid={errors.preferredService ? true : undefined}
          required
        >
          <option value="">Choose a service</option>
          {services.map((service) => (
            <option key={service.id} value={service.id}>
              {service.name}
            </option>
          ))}
          <option value={notSureService}>Not sure yet</option>
        </select>
      </div>

      <div className={fieldClass('preferredTimes')}>
        <label htmlFor="preferredTimes">{fieldLabels.preferredTimes}</label>
        <p className="field__hint" id="preferredTimes-hint">
          For example: &ldquo;weekday mornings&rdquo;, or &ldquo;Tuesday or Thursday after 4 pm&rdquo;.
        </p>
        <FieldError field="preferredTimes" message={errors.preferredTimes} />
        <input
          id="preferredTimes"
          name="preferredTimes"
          type="text"
          maxLength={bookingLimits.preferredTimes}
          defaultValue={values.preferredTimes}
          aria-describedby={describedBy('preferredTimes')}
          aria-invalid={errors.preferredTimes ? true : undefined}
          required
        />
      </div>

      <div className={fieldClass('message')}>
        <label htmlFor="message">{fieldLabels.message}</label>
        <p className="field__hint" id="message-hint">
          A sentence or two is plenty. <strong>Please do not include detailed medical information</strong>: we will ask about your
          health in person. Up to {bookingLimits.message} characters.
        </p>
        <FieldError field="message" message={errors.message} />
        <textarea
          id="message"
          name="message"
          rows={4}
          maxLength={bookingLimits.message}
          defaultValue={values.message}
          aria-describedby={describedBy('message')}
          aria-invalid={errors.message ? true : undefined}
        />
      </div>

      <div className={`${fieldClass('consent')} field--checkbox`}>
        <FieldError field="consent" message={errors.consent} />
        <input
          id="consent"
          name="consent"
          type="checkbox"
          value="yes"
          defaultChecked={values.consent}
          key={`consent-${String(values.consent)}`}
          aria-describedby={describedBy('consent')}
          aria-invalid={errors.consent ? true : undefined}
          required
        />
        <label htmlFor="consent">{bookingConsent.text}</label>
        <p className="field__hint" id="consent-hint">
          Read the <a href={privacyHref}>privacy notice</a>: who sees your request, and when we delete it.
        </p>
      </div>

      {/* A field people never see or fill in; form-filling bots do. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={honeypotField}>Leave this field empty</label>
        <input id={honeypotField} name={honeypotField} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Sending…' : 'Send request'}
      </button>
    </form>
  )
}
