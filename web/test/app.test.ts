import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { launch, screenshot, signUp, skipReason, startServer, type Person } from './support.js';

// The web app in Debian's Chromium against the real server started as `npm start` starts it.
// Every wait is for something to appear; nothing is asserted absent after a sleep.
if (skipReason) process.stdout.write(`# browser tests skipped: ${skipReason}\n`);

const chatList = (page: Page) => page.getByRole('list', { name: 'Conversation list' });
const messages = (page: Page) => page.getByRole('list', { name: 'Messages' });
const bubble = (page: Page, text: string) => messages(page).locator('li.message', { hasText: text });

const chip = (page: Page, text: string, name: string) => bubble(page, text).getByRole('button', { name, exact: true });
const pinsPanel = (page: Page) => page.getByRole('region', { name: 'Pinned messages' });

/** Opens the direct chat with someone from the conversation list. */
async function openChatWith(page: Page, username: string): Promise<void> {
  await chatList(page)
    .getByRole('link', { name: `${username} (online)` })
    .click();
  await messages(page).waitFor();
}

/** Picks an emoji from a message's reaction picker (its actions show on hover). */
async function react(page: Page, text: string, emoji: string): Promise<void> {
  await bubble(page, text).hover();
  await bubble(page, text).getByRole('button', { name: 'React', exact: true }).click();
  await bubble(page, text)
    .getByRole('group', { name: 'Pick a reaction' })
    .getByRole('button', { name: `React with ${emoji}` })
    .click();
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.getByLabel('Message', { exact: true }).press('Enter');
}

describe('the web app in Chromium', { skip: skipReason, timeout: 480_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let chromium: Awaited<ReturnType<typeof launch>>;
  let alice: Person;
  let bob: Person;

  before(async () => {
    [server, chromium] = await Promise.all([startServer(), launch()]);
  });
  after(async () => {
    await chromium?.close();
    await server?.close();
  });

  test('two people sign up (verification link from the development outbox)', async () => {
    alice = await signUp(chromium.browser, server.server.url, 'alice', { screenshot: 'sign-up' });
    bob = await signUp(chromium.browser, server.server.url, 'bob');
  });

  test('they become friends: search, request, accept; presence shows online', async () => {
    await alice.page.goto('/#/friends');
    await alice.page.getByLabel('Search by username').fill(bob.username.slice(0, 6));
    await alice.page.getByRole('button', { name: 'Search' }).click();
    await alice.page.getByRole('button', { name: `Add ${bob.username}` }).click();
    await alice.page.getByRole('list', { name: 'Outgoing requests' }).getByText(bob.username).first().waitFor();

    await bob.page.getByRole('link', { name: /Friends 1 new/ }).waitFor();
    await bob.page.goto('/#/friends');
    await screenshot(bob.page, 'friends');
    await bob.page.getByRole('list', { name: 'Incoming requests' }).getByRole('button', { name: 'Accept' }).click();
    await bob.page.getByRole('list', { name: 'Friends' }).getByText(`@${alice.username} · online`).waitFor();
    await alice.page.getByRole('list', { name: 'Friends' }).getByText(`@${bob.username} · online`).waitFor();
  });

  test('they chat live: typing, delivered then read ticks', async () => {
    await alice.page
      .getByRole('list', { name: 'Friends' })
      .locator('li', { hasText: bob.username })
      .getByRole('button', { name: 'Message' })
      .click();
    await send(alice.page, 'Hello Bob!');
    // Bob's client acknowledges the event: delivered, before he opens the chat.
    await bubble(alice.page, 'Hello Bob!').locator('[data-status="delivered"]').waitFor();
    await chatList(bob.page)
      .getByRole('link', { name: new RegExp(alice.username) })
      .locator('.badge')
      .waitFor();
    assert.match(await chatList(bob.page).locator('.badge').innerText(), /^1\b/);

    await chatList(bob.page)
      .getByRole('link', { name: new RegExp(alice.username) })
      .click();
    await bubble(bob.page, 'Hello Bob!').waitFor();
    await bubble(alice.page, 'Hello Bob!').locator('[data-status="read"]').waitFor();

    await bob.page.getByLabel('Message', { exact: true }).pressSequentially('Hi Al');
    await alice.page.getByText(`${bob.username} is typing…`).waitFor();
    await bob.page.getByLabel('Message', { exact: true }).press('Enter');
    await bubble(alice.page, 'Hi Al').waitFor();
    await bubble(bob.page, 'Hi Al').locator('[data-status="read"]').waitFor();
  });

  test('a context goes offline and comes back without losing a message, none twice', async () => {
    await bob.context.setOffline(true);
    await bob.page.getByText('Offline — messages will be sent when the connection is back.').waitFor();
    await send(bob.page, 'Written offline');
    await bubble(bob.page, 'Written offline').locator('[data-status="pending"]').waitFor();
    await send(alice.page, 'Sent while Bob is away');
    await bubble(alice.page, 'Sent while Bob is away')
      .locator('[data-status="sent"], [data-status="delivered"]')
      .first()
      .waitFor();

    await bob.context.setOffline(false);
    await bob.page.getByText('Online', { exact: true }).waitFor();
    await bubble(bob.page, 'Sent while Bob is away').waitFor();
    await bubble(alice.page, 'Written offline').waitFor();
    await bubble(bob.page, 'Written offline').locator('[data-status="read"]').waitFor();
    await bubble(alice.page, 'Sent while Bob is away').locator('[data-status="read"]').waitFor();
    for (const page of [alice.page, bob.page]) {
      assert.equal(await bubble(page, 'Written offline').count(), 1);
      assert.equal(await bubble(page, 'Sent while Bob is away').count(), 1);
    }
  });

  test('an image upload shows its thumbnail on both sides', async () => {
    const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 40, g: 120, b: 220 } } })
      .png()
      .toBuffer();
    await alice.page.getByLabel('Attach files').setInputFiles({ name: 'sky.png', mimeType: 'image/png', buffer: png });
    const composer = alice.page.getByRole('form', { name: 'Send a message' });
    await composer.getByRole('img', { name: 'sky.png' }).waitFor();
    await send(alice.page, 'Look at this sky');
    for (const page of [alice.page, bob.page]) {
      const image = bubble(page, 'Look at this sky').getByRole('img', { name: 'sky.png' });
      await image.waitFor();
      await page.waitForFunction(
        (img: any) => img.complete === true && img.naturalWidth > 0, // the thumbnail loaded
        await image.elementHandle(),
      );
    }
    await screenshot(alice.page, 'chat');
  });

  test('a group is created and renamed; the member sees the new name', async () => {
    await alice.page.goto('/#/groups/new');
    await alice.page.getByLabel('Group name').fill('Weekend plans');
    await alice.page.getByRole('checkbox', { name: bob.username }).check();
    await alice.page.getByRole('button', { name: 'Create group' }).click();
    await alice.page.getByRole('heading', { name: 'Weekend plans' }).waitFor();
    await chatList(bob.page).getByText('Weekend plans', { exact: true }).waitFor();

    await alice.page.getByRole('link', { name: 'Group settings' }).click();
    await alice.page.getByLabel('Group name').fill('Weekend trip');
    await alice.page.getByRole('button', { name: 'Save name' }).click();
    await alice.page.getByRole('heading', { name: 'Weekend trip' }).waitFor();
    await alice.page.getByRole('region', { name: 'Members' }).getByText(bob.username).waitFor();
    await screenshot(alice.page, 'group-settings');
    await chatList(bob.page).getByText('Weekend trip', { exact: true }).waitFor();
    await chatList(bob.page).getByText('Weekend trip', { exact: true }).click();
    await messages(bob.page)
      .getByText(/renamed/i)
      .first()
      .waitFor();
  });

  test('reactions: both see the counts change live, a chip toggles your own', async () => {
    await openChatWith(alice.page, bob.username);
    await openChatWith(bob.page, alice.username);
    await bubble(alice.page, 'Hello Bob!').waitFor();
    await bubble(bob.page, 'Hello Bob!').waitFor();

    await react(bob.page, 'Hello Bob!', '👍');
    await chip(alice.page, 'Hello Bob!', '👍 1').waitFor();
    assert.equal(await chip(alice.page, 'Hello Bob!', '👍 1').getAttribute('aria-pressed'), 'false');
    await chip(bob.page, 'Hello Bob!', '👍 1').and(bob.page.locator('[aria-pressed="true"]')).waitFor();

    await chip(alice.page, 'Hello Bob!', '👍 1').click();
    await chip(alice.page, 'Hello Bob!', '👍 2').and(alice.page.locator('[aria-pressed="true"]')).waitFor();
    await chip(bob.page, 'Hello Bob!', '👍 2').waitFor();

    // Bob takes his back with his chip; Alice's stays hers.
    await chip(bob.page, 'Hello Bob!', '👍 2').click();
    await chip(bob.page, 'Hello Bob!', '👍 1').and(bob.page.locator('[aria-pressed="false"]')).waitFor();
    await chip(alice.page, 'Hello Bob!', '👍 1').and(alice.page.locator('[aria-pressed="true"]')).waitFor();

    await react(alice.page, 'Hi Al', '🎉');
    await chip(bob.page, 'Hi Al', '🎉 1').waitFor();
    await react(bob.page, 'Hi Al', '❤️');
    await chip(alice.page, 'Hi Al', '❤️ 1').waitFor();
    assert.deepEqual(
      await bubble(alice.page, 'Hi Al').getByRole('list', { name: 'Reactions' }).getByRole('button').allInnerTexts(),
      ['🎉 1', '❤️ 1'],
    );
  });

  test('a pinned message shows in the pins panel of both, live; unpinning takes it away', async () => {
    for (const page of [alice.page, bob.page]) {
      await page.getByRole('button', { name: 'Pinned', exact: true }).click();
      await pinsPanel(page).getByText('No pinned messages yet.').waitFor();
    }
    await bubble(alice.page, 'Hi Al').hover();
    await bubble(alice.page, 'Hi Al').getByRole('button', { name: 'Pin', exact: true }).click();
    for (const page of [alice.page, bob.page]) {
      await pinsPanel(page).getByText('Hi Al').waitFor();
      await pinsPanel(page)
        .getByText(`pinned by ${page === alice.page ? 'You' : alice.username}`)
        .waitFor();
      await page.getByRole('button', { name: 'Pinned (1)' }).waitFor();
      await bubble(page, 'Hi Al').getByText('Pinned').waitFor();
    }

    await bubble(bob.page, 'Hello Bob!').hover();
    await bubble(bob.page, 'Hello Bob!').getByRole('button', { name: 'Pin', exact: true }).click();
    await alice.page.getByRole('button', { name: 'Pinned (2)' }).waitFor();
    assert.deepEqual(await pinsPanel(alice.page).locator('li .text').allInnerTexts(), ['Hello Bob!', 'Hi Al']);

    await pinsPanel(bob.page).locator('li', { hasText: 'Hi Al' }).getByRole('button', { name: 'Unpin' }).click();
    await alice.page.getByRole('button', { name: 'Pinned (1)' }).waitFor();
    assert.deepEqual(await pinsPanel(alice.page).locator('li .text').allInnerTexts(), ['Hello Bob!']);
    await bubble(alice.page, 'Hi Al').getByRole('button', { name: 'Pin', exact: true }).waitFor({ state: 'attached' });
    await screenshot(alice.page, 'reactions-pins');
  });

  test('in a group the owner pins (a system message says so); a member sees the pin but no Pin action', async () => {
    await chatList(alice.page).getByText('Weekend trip', { exact: true }).click();
    await send(alice.page, 'Meet at 9 at the station');
    await bubble(alice.page, 'Meet at 9 at the station').hover();
    await bubble(alice.page, 'Meet at 9 at the station').getByRole('button', { name: 'Pin', exact: true }).click();
    await messages(alice.page).getByText('You pinned “Meet at 9 at the station”').waitFor();

    await chatList(bob.page).getByText('Weekend trip', { exact: true }).click();
    await messages(bob.page).getByText(`${alice.username} pinned “Meet at 9 at the station”`).waitFor();
    await bob.page.getByRole('button', { name: 'Pinned (1)' }).click();
    await pinsPanel(bob.page).getByText('Meet at 9 at the station').waitFor();
    const actions = bubble(bob.page, 'Meet at 9 at the station').getByRole('group', { name: 'Message actions' });
    await bubble(bob.page, 'Meet at 9 at the station').hover();
    await actions.getByRole('button', { name: 'React', exact: true }).waitFor();
    assert.deepEqual(await actions.getByRole('button').allInnerTexts(), ['Reply', 'React']);
    assert.equal(await pinsPanel(bob.page).getByRole('button', { name: 'Unpin' }).count(), 0);
    await chatList(alice.page)
      .getByRole('link', { name: `${bob.username} (online)` })
      .click();
    await chatList(bob.page)
      .getByRole('link', { name: `${alice.username} (online)` })
      .click();
  });

  test('search finds accented text, marks the words, filters by conversation, loads more, opens the chat', async () => {
    const accented = 'Rendez-vous au Café Crème à Genève';
    await send(alice.page, accented);
    for (let i = 1; i <= 22; i++) await send(alice.page, `note ${i} for the trip`);
    await bubble(bob.page, 'note 22 for the trip').waitFor();

    await bob.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await bob.page.getByRole('searchbox', { name: 'Search messages' }).fill('cafe gene');
    await bob.page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = bob.page.getByRole('list', { name: 'Search results' });
    await results.getByRole('listitem').first().waitFor();
    assert.equal(await results.getByRole('listitem').count(), 1);
    const hit = results.getByRole('listitem').first();
    assert.equal(await hit.locator('.text').innerText(), accented);
    assert.deepEqual(await hit.locator('mark').allInnerTexts(), ['Café', 'Genève']);
    await screenshot(bob.page, 'search');

    // Only the group: the same words find nothing there.
    await bob.page.getByLabel('In', { exact: true }).selectOption({ label: 'Weekend trip' });
    await bob.page.getByText('No messages found for “cafe gene”.').waitFor();
    await bob.page.getByLabel('In', { exact: true }).selectOption({ label: 'All conversations' });
    await results.waitFor();

    // Twenty a page, newest first; "Load more" follows the cursor.
    await bob.page.getByRole('searchbox', { name: 'Search messages' }).fill('note');
    await bob.page.getByRole('button', { name: 'Search', exact: true }).click();
    await bob.page.getByText('20+ messages found, newest first.').waitFor();
    assert.equal(await results.locator('mark').first().innerText(), 'note');
    assert.match(await results.getByRole('listitem').first().innerText(), /note 22 for the trip/);
    await bob.page.getByRole('button', { name: 'Load more' }).click();
    await bob.page.getByText('22 messages found, newest first.').waitFor();
    assert.match(await results.getByRole('listitem').last().innerText(), /note 1 for the trip/);

    await results.getByRole('link', { name: /note 1 for the trip/ }).click();
    await bubble(bob.page, 'note 1 for the trip').and(bob.page.locator(':focus')).waitFor();
    assert.equal(await bob.page.getByRole('heading', { name: alice.username }).count(), 1);
  });

  test('on a phone-sized screen the chat takes the whole width; a tap on a message shows its actions', async () => {
    const chatWithAlice = await chatList(bob.page)
      .getByRole('link', { name: `${alice.username} (online)` })
      .getAttribute('href');
    await bob.page.setViewportSize({ width: 390, height: 780 });
    await bob.page.goto(`/${chatWithAlice}`);
    await bubble(bob.page, 'Look at this sky').waitFor();
    assert.equal(await bob.page.getByRole('complementary', { name: 'Conversations' }).isVisible(), false);
    // No hover on a touch screen: a tap on the message shows its actions.
    await bubble(bob.page, 'Look at this sky').locator('.text').click();
    await bubble(bob.page, 'Look at this sky').getByRole('button', { name: 'React', exact: true }).click();
    await bob.page.getByRole('button', { name: 'React with 😂' }).click();
    await chip(alice.page, 'Look at this sky', '😂 1').waitFor();
    await chip(bob.page, 'Look at this sky', '😂 1').scrollIntoViewIfNeeded();
    await screenshot(bob.page, 'phone-chat');
    await bob.page.getByRole('button', { name: 'Back to conversations' }).click();
    await chatList(bob.page).waitFor();
  });
});
