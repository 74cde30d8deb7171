/**
 * Audit prompts for every assessable clause and Annex A control, written by us: they say what an
 * auditor looks for, never quoting the standard. Headings (4 to 10, 6.1, 7.5, 9.2, 9.3, A.2 to A.10,
 * A.6.1, A.6.2) are audited through their subclauses or controls and have no prompt.
 */
export const auditPrompts: Readonly<Record<string, string>> = {
  '4.1':
    'Show the list of internal and external issues relevant to your AI work, and for each AI system the role you take (for example developer, provider or user).',
  '4.2':
    'Name the parties with a stake in your AI systems, what they require of you, and which of those requirements your AIMS has taken on.',
  '4.3':
    'Where is the boundary of the AIMS written down? Check it lists the AI systems, activities, locations and units covered and explains what was left outside.',
  '4.4':
    'Walk through how the AIMS processes connect and show evidence that they are kept running and improved, not only described.',
  '5.1':
    'Ask top management how they steer the AIMS: resources granted, objectives set, results reviewed, and how AI duties sit inside normal business processes.',
  '5.2':
    'Read the AI policy: signed off at the top, suited to what the organization does, committing to meet requirements and to improve, and known to staff.',
  '5.3':
    'Who holds which AIMS responsibility and authority? Sample two or three people and confirm they know their part and who they report AIMS performance to.',
  '6.1.1':
    'How were risks and opportunities for the AIMS identified, and do the planned actions follow from context, interested parties and intended AI uses?',
  '6.1.2':
    'Look at the method used to assess AI risks: criteria for acceptance, likelihood and consequence scales, and whether repeating it gives comparable results.',
  '6.1.3':
    'Trace a few risks to their chosen treatment, the controls selected, the comparison made against Annex A, and the owner who accepted the residual risk.',
  '6.1.4':
    'How does the organization decide when an impact assessment is needed for an AI system, and which consequences for people and society does it examine?',
  '6.2':
    'List the AI objectives: are they measurable, consistent with the policy, assigned to someone, with a date and a way to judge progress?',
  '6.3':
    'Pick a recent change to the AIMS and check it was thought through beforehand: purpose, consequences, resources and responsibilities.',
  '7.1':
    'Are people, budget, tools and infrastructure sufficient for the AIMS? Look for shortfalls raised and how they were handled.',
  '7.2':
    'Compare the competence needed for AI roles with records of education, training or experience, and check how gaps were closed.',
  '7.3':
    'Ask staff about the AI policy, how their work affects the AIMS, and what happens when they do not follow it.',
  '7.4':
    'What does the organization communicate about its AIMS, to whom, when and through which channel? Look for examples actually sent.',
  '7.5.1':
    'Check the organization keeps the documented information this standard asks for and what it decided it needs itself for the AIMS to work.',
  '7.5.2':
    'Sample AIMS documents for identification, a suitable format and evidence of review and approval before release.',
  '7.5.3':
    'How are AIMS documents and records made available, protected, versioned, retained and disposed of? Include documents from outside sources.',
  '8.1':
    'See how AI processes are planned and controlled in daily operation, including criteria, outsourced processes and the handling of unplanned changes.',
  '8.2':
    'Is the AI risk assessment repeated at the planned intervals and when significant changes happen? Ask for the latest results and their dates.',
  '8.3':
    'Check the risk treatment plan is being carried out: actions done, their effect verified, and new risks from the treatment itself considered.',
  '8.4':
    'Ask for impact assessments done this period, for which AI systems, at which trigger, and how their results fed back into risk treatment.',
  '9.1':
    'What is measured about AIMS and AI system performance, how often, with which methods, and who looks at the results and acts on them?',
  '9.2.1':
    "Confirm internal audits of the AIMS took place as planned and covered conformity to both the organization's own rules and this standard.",
  '9.2.2':
    'Review the internal audit programme: frequency, methods, criteria and scope per audit, impartial auditors, results reported and acted upon.',
  '9.3.1':
    'Were management reviews of the AIMS held as often as planned? Ask for the latest minutes and the attendees.',
  '9.3.2':
    'Check the last review looked at earlier actions, changes in context, needs of interested parties, performance trends and chances to improve.',
  '9.3.3':
    'What came out of the review: decisions on improvement and on changes to the AIMS, with evidence they are tracked.',
  '10.1':
    'Ask for examples where the suitability, adequacy or effectiveness of the AIMS was made better, and how they were chosen.',
  '10.2':
    'Follow one nonconformity from detection to closure: reaction, root cause, corrective action, check of effectiveness and the record kept.',
  'A.2.2':
    'Is there a documented policy for developing or using AI systems, and does it set direction that matches business needs?',
  'A.2.3':
    'Show where the AI policy touches other policies (security, privacy, quality, procurement) and how conflicts between them were resolved.',
  'A.2.4':
    'When was the AI policy last looked at again, what triggered it, and did the review change anything?',
  'A.3.2':
    'Are AI-specific roles and duties defined and assigned across the life cycle? Sample an AI system and name who is accountable at each step.',
  'A.3.3':
    'How can someone inside the organization raise a worry about an AI system, confidentially if needed, and what happened with reports received?',
  'A.4.2':
    'For a sampled AI system, ask for the inventory of resources behind it: data, tools, compute and people.',
  'A.4.3':
    'What is recorded about the data used by each AI system: origin, categories, intended use, quality and retention?',
  'A.4.4':
    'Which tools, libraries, frameworks and models does the organization rely on for its AI systems, and where is that list kept?',
  'A.4.5':
    'Which hardware, cloud services and computing capacity do AI systems rely on, and are their limits and dependencies known?',
  'A.4.6':
    'What competences does each stage of the AI life cycle need, and is it recorded who provides them?',
  'A.5.2':
    'Is there a defined way to assess what an AI system could do to people and society, with criteria for when to start one?',
  'A.5.3':
    'Ask for completed impact assessments: are results kept, dated, and retained for the period the organization set?',
  'A.5.4':
    'In a sampled assessment, how were effects on individuals and specific groups (fairness, safety, rights) identified and rated?',
  'A.5.5':
    'In a sampled assessment, which wider effects on society were considered, such as environment, economy, democracy or culture?',
  'A.6.1.2':
    'Which objectives guide responsible development of AI systems, and how do they show up in design and development work?',
  'A.6.1.3':
    'Walk through the defined process for designing and developing AI systems, including checkpoints for responsible AI.',
  'A.6.2.2':
    'For a new or changed AI system, check the requirements were written down, including what it must not do.',
  'A.6.2.3':
    'Is the design of a sampled AI system recorded: architecture, choices made, training approach and the reasons behind them?',
  'A.6.2.4':
    'What testing and validation was done before release, against which criteria, and who signed off the results?',
  'A.6.2.5':
    'Is there a deployment plan with conditions that must be met before an AI system goes live? Ask for one that was used.',
  'A.6.2.6':
    'How is a live AI system watched for errors, drift and failures, and who fixes, updates or retires it?',
  'A.6.2.7':
    'Which technical documentation is given to users, operators or regulators, and is it kept current?',
  'A.6.2.8':
    'At which life-cycle stages are event logs switched on, what do they capture, and how long are they kept?',
  'A.7.2':
    'Are data management processes defined for the data used to develop and improve AI systems?',
  'A.7.3':
    'How is data obtained, and what is recorded about its categories, quantity, source, rights and terms of use?',
  'A.7.4':
    'What data quality requirements were set, and how is data checked against them before and during use?',
  'A.7.5':
    'Pick a data set and ask for its lineage: the original source and each transformation recorded since.',
  'A.7.6':
    'Which steps turn raw data into training or test data (cleaning, labelling, transformation), and are they written down and repeatable?',
  'A.8.2':
    'What do users receive about an AI system: its purpose, limits, how to operate it and when a human should step in?',
  'A.8.3':
    'Can outside parties report problems or harms caused by an AI system, and is there a record of such reports and replies?',
  'A.8.4':
    'Who must be informed when an AI system misbehaves, how quickly and by whom? Check the arrangement against real incidents.',
  'A.8.5':
    'Which duties exist to report on AI systems to regulators or other parties, and how are they met?',
  'A.9.2':
    'How does the organization make sure AI systems it uses are used responsibly? Check the defined steps and their records.',
  'A.9.3':
    'Which objectives guide responsible use of AI systems, and how is progress towards them measured?',
  'A.9.4':
    'Compare how a sampled AI system is really operated with the intended purpose in its documentation; how are deviations spotted?',
  'A.10.2':
    'When suppliers, partners or customers take part in the AI life cycle, is it clear who is responsible for what?',
  'A.10.3':
    'How are suppliers of AI models, data or services selected and monitored so their deliveries match the commitments in the AI policy?',
  'A.10.4':
    'When AI products or services are supplied to customers, are their expectations considered and limitations made known to them?',
};
