import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { addMember, createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

const hospitalForm = {
  name: 'Medical coding 2027',
  description: 'Code outpatient encounters',
  dueDate: '2099-03-31',
  'profile.homeCountry': 'US',
  'profile.industry': 'healthcare',
  'profile.dataCategories': 'phi',
  'profile.volumes.usPersonalHealthData': '4000',
  'profile.volumes.cnPersonalInformationIndividuals': '999', // hidden for these categories: dropped
  'profile.flags.cmmcLevel': '0',
}

async function signedIn() {
  const org = await createOrganisation('Lakeside Hospital')
  const client = new BrowserClient(server.baseUrl)
  await logIn(client, org)
  return { org, client }
}

describe('engagements', () => {
  test('a buyer creates an engagement with its profile; it is listed and audited', async () => {
    const { org, client } = await signedIn()
    const created = await client.post('/app/engagements/new', hospitalForm)
    expect(created.status).toBe(302)
    const location = created.headers.get('location') ?? ''
    expect(location).toMatch(/^\/app\/engagements\/[0-9a-f-]{36}$/)

    const row = await getDb()
      .selectFrom('engagement')
      .innerJoin('regulatory_profile', 'regulatory_profile.engagement_id', 'engagement.id')
      .select([
        'engagement.name',
        'engagement.due_date',
        'engagement.questionnaire_id',
        'engagement.questionnaire_version',
        'regulatory_profile.profile_json',
      ])
      .where('engagement.organisation_id', '=', org.organisationId)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      name: 'Medical coding 2027',
      due_date: '2099-03-31',
      questionnaire_id: 'cross-border-core',
      // New engagements take the newest version of the core questionnaire (DECISIONS.md "Versions").
      questionnaire_version: 2,
    })
    const profile = JSON.parse(row.profile_json)
    expect(profile).toMatchObject({ homeCountry: 'US', industry: 'healthcare', dataCategories: ['phi'], purposes: [] })
    expect(profile.volumes.usPersonalHealthData).toBe(4000)
    expect(profile.volumes.cnPersonalInformationIndividuals).toBe(0)
    expect(profile.flags).toEqual({
      criticalInformationInfrastructureOperator: false,
      dodContractor: false,
      cmmcLevel: 0,
      usGovernmentRelatedData: false,
      cmmcAssessment: null,
      bankRegulated: false,
      dfarsCloudService: false,
    })

    expect(await (await client.get('/app/engagements')).text()).toContain('Medical coding 2027')
    expect(await (await client.get(`${location}/audit`)).text()).toContain('created the engagement')
  })

  test('bad input gets messages at the fields and a 400; what was typed is kept', async () => {
    const { client } = await signedIn()
    const response = await client.post('/app/engagements/new', {
      ...hospitalForm,
      name: 'X',
      dueDate: '2001-01-01',
      'profile.homeCountry': '',
      'profile.industry': 'farming',
      'profile.volumes.usPersonalHealthData': '-5',
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('The due date is in the past')
    expect(html).toContain('Choose your home country')
    expect(html).toContain('Choose the industry closest to yours')
    expect(html).toContain('Cannot be negative')
    expect(html).toContain('Code outpatient encounters')
  })

  test('editing the profile saves it and audits the change with before and after', async () => {
    const { org, client } = await signedIn()
    const id = await createEngagement(org.organisationId, 'Claims 2027')
    const page = `/app/engagements/${id}/profile`
    const saved = await client.post(page, {
      ...hospitalForm,
      name: 'Claims 2027',
      'profile.dataCategories': 'npi',
      'profile.industry': 'financial-services',
    })
    expect(saved.status).toBe(200)
    expect(await saved.text()).toContain('Saved.')
    const event = await getDb()
      .selectFrom('audit_event')
      .select('detail_json')
      .where('engagement_id', '=', id)
      .where('action', '=', 'profile.updated')
      .executeTakeFirstOrThrow()
    const detail = JSON.parse(event.detail_json)
    expect(detail.before.dataCategories).toEqual(['phi'])
    expect(detail.after.dataCategories).toEqual(['npi'])
    // Saving the same profile again records nothing new.
    await client.post(page, {
      ...hospitalForm,
      name: 'Claims 2027',
      'profile.dataCategories': 'npi',
      'profile.industry': 'financial-services',
    })
    const events = await getDb()
      .selectFrom('audit_event')
      .select('id')
      .where('engagement_id', '=', id)
      .where('action', '=', 'profile.updated')
      .execute()
    expect(events).toHaveLength(1)
  })

  test('archive and restore, audited; archived engagements accept no invitations', async () => {
    const { org, client } = await signedIn()
    const id = await createEngagement(org.organisationId, 'Short-lived')
    const archived = await client.post(`/app/engagements/${id}/profile`, { intent: 'archive' })
    expect(archived.status).toBe(302)
    expect(await (await client.get('/app/engagements')).text()).not.toContain('Short-lived')
    const invite = await client.post(`/app/engagements/${id}?index`, {
      intent: 'invite',
      vendorCompany: 'A',
      vendorCountry: 'US',
      contactName: 'B',
      contactEmail: 'b@a.example',
    })
    expect(invite.status).toBe(409)
    await client.post(`/app/engagements/${id}/profile`, { intent: 'restore' })
    expect(await (await client.get('/app/engagements')).text()).toContain('Short-lived')
    const actions = await getDb()
      .selectFrom('audit_event')
      .select('action')
      .where('engagement_id', '=', id)
      .orderBy('created_at')
      .execute()
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['engagement.archived', 'engagement.restored']))
  })

  test("another organisation's engagement profile is a 404, for reading and writing", async () => {
    const { client } = await signedIn()
    const other = await createOrganisation('Other')
    const id = await createEngagement(other.organisationId, 'Not yours')
    expect((await client.get(`/app/engagements/${id}/profile`)).status).toBe(404)
    expect((await client.post(`/app/engagements/${id}/profile`, { intent: 'archive' })).status).toBe(404)
    const row = await getDb().selectFrom('engagement').select('status').where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.status).toBe('active')
  })

  test('members may create engagements; the check is on the server', async () => {
    const org = await createOrganisation()
    const member = await addMember(org.organisationId, 'member')
    const client = new BrowserClient(server.baseUrl)
    await logIn(client, member)
    expect((await client.post('/app/engagements/new', hospitalForm)).status).toBe(302)
  })
})
